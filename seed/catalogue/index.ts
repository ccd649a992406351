import type { DemoItem } from '../service-items.ts';
import { BUNDLE_MEMBER_ITEMS } from './bundle-members.ts';
import { CIVIL_AFFAIRS_ITEMS } from './civil-affairs.ts';
import { CONSTRUCTION_ITEMS } from './construction.ts';
import { ECONOMY_AGRICULTURE_ITEMS } from './economy-agriculture.ts';
import { EDUCATION_CULTURE_ITEMS } from './education-culture.ts';
import { EXIT_ENTRY_ITEMS } from './exit-entry.ts';
import { GOVERNMENT_ITEMS } from './government.ts';
import { HEALTH_ITEMS } from './health.ts';
import { HOUSEHOLD_ITEMS } from './household.ts';
import { HOUSING_ITEMS } from './housing.ts';
import { HUMAN_RESOURCES_ITEMS } from './human-resources.ts';
import { LAND_ENVIRONMENT_ITEMS } from './land-environment.ts';
import { MARKET_ITEMS } from './market.ts';
import { PUBLIC_SECURITY_ITEMS } from './public-security.ts';
import { TAX_ITEMS } from './tax.ts';
import { TRAFFIC_ITEMS } from './traffic.ts';
import { TRANSPORT_ITEMS } from './transport.ts';
import { UTILITY_ITEMS } from './utilities.ts';

/**
 * The county-sized catalogue beyond the 39 first items (乌兰浩特市, after the national 实施清单 and
 * the Inner Mongolia portal), one file per group of departments. Codes never repeat across files.
 */
export const CATALOGUE_ITEMS: DemoItem[] = [
  ...PUBLIC_SECURITY_ITEMS,
  ...HOUSEHOLD_ITEMS,
  ...EXIT_ENTRY_ITEMS,
  ...TRAFFIC_ITEMS,
  ...CIVIL_AFFAIRS_ITEMS,
  ...HUMAN_RESOURCES_ITEMS,
  ...HEALTH_ITEMS,
  ...TAX_ITEMS,
  ...HOUSING_ITEMS,
  ...MARKET_ITEMS,
  ...EDUCATION_CULTURE_ITEMS,
  ...CONSTRUCTION_ITEMS,
  ...LAND_ENVIRONMENT_ITEMS,
  ...ECONOMY_AGRICULTURE_ITEMS,
  ...TRANSPORT_ITEMS,
  ...UTILITY_ITEMS,
  ...GOVERNMENT_ITEMS,
  ...BUNDLE_MEMBER_ITEMS,
];
