import type { RegulationArea, RegulationContext } from '../area.ts';
import { profilesEvents } from './events.ts';

export type ProfilesArea = RegulationArea;

/** 企业画像, 12345 线索 and 监管效能. (Skeleton: written in its own branch.) */
export function createProfilesArea(ctx: RegulationContext): ProfilesArea {
  void ctx;
  return { events: profilesEvents, routes: async () => {} };
}
