import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { FormatCode, LicenceCode, ThemeCode } from './themes.ts';

/*
 * Every interface one opendata area reads of another, and what the module reads of the data module
 * (plugged in by src/flows/opendata-data.ts). Areas reach each other only through these.
 */

/* ------------------------------------------------------------------ the data module (plugged by a flow) */

export type ItemType = 'string' | 'integer' | 'number' | 'date' | 'boolean';
export type Grade = 'L1' | 'L2' | 'L3' | 'L4';

/** A data item (信息项) of a catalogue resource, as the open-data side sees it. */
export interface SourceItem {
  code: string;
  name: string;
  description: string;
  dataType: ItemType;
  grade: Grade;
}

/** A catalogue resource (数据目录) whose 开放类型 is 无条件开放 or 有条件开放. */
export interface SourceResource {
  code: string;
  name: string;
  description: string;
  providerDepartmentId: string;
  regionCode: string;
  openType: 'open' | 'conditional';
  openBasis: string | null;
  /** realtime, daily, weekly, monthly, quarterly, yearly (the data catalogue's codes). */
  updateFrequency: string;
  lastUpdatedAt: string | null;
  items: SourceItem[];
  /** Rows readable through `rows` (table-backed or stored records); false for upstream HTTP resources. */
  readable: boolean;
  version: number;
}

/** A filter on one item (same operators as the data gateway). */
export interface SourceCondition {
  item: string;
  op: 'eq' | 'in' | 'prefix' | 'gte' | 'lte';
  value: unknown;
}

export interface AggregateQuery {
  /** Items to group by (at most 3). */
  groupBy: string[];
  measures: { fn: 'count' | 'sum' | 'avg' | 'min' | 'max'; item?: string }[];
  where: SourceCondition[];
  /** Rows limited to a region (GB/T 2260 prefix), as a grant's row scope. */
  rowRegion: string | null;
}

export interface AggregateGroup {
  /** The group's values, by item code. */
  key: Record<string, unknown>;
  /** Rows in the group (always computed, whatever measures were asked). */
  count: number;
  /** One value per measure, in the order asked (null for an empty sum/avg). */
  values: (number | null)[];
}

/** The data module as the open-data portal reads it: no grants, never an item of grade L3/L4 in clear. */
export interface OpenDataSource {
  /** Every active resource of a region (or all) with 开放类型 open or conditional. */
  resources(regionCode?: string): Promise<SourceResource[]>;
  resource(code: string): Promise<SourceResource | null>;
  /**
   * Rows of a resource in a stable order (keyset paging on the row id): only `items`, L3/L4 items
   * masked. `after` is the last row's `_id` of the previous page.
   */
  rows(
    code: string,
    items: string[],
    opts: { after?: string | null; limit: number; where?: SourceCondition[]; rowRegion?: string | null },
  ): Promise<{ rows: Record<string, unknown>[]; next: string | null }>;
  count(code: string, opts?: { where?: SourceCondition[]; rowRegion?: string | null }): Promise<number>;
  /** Aggregates inside the database (the sandbox): groups with their row counts; no row leaves. */
  aggregate(code: string, q: AggregateQuery): Promise<AggregateGroup[]>;
  /**
   * A scoped credential on the data gateway for an approved 有条件开放 application: a client-credentials
   * client whose grant names only `items` (masked by grade, never in clear), rows of `rowRegion`,
   * from `validFrom` until `expiresAt`. Written in the caller's transaction.
   */
  issueGrant(
    trx: Tx,
    g: { applicationId: string; resourceCode: string; holderName: string; purpose: string; items: string[]; rowRegion: string | null; validFrom: Date; expiresAt: Date; ratePerMinute: number },
  ): Promise<{ grantId: string; clientId: string; clientSecret: string }>;
  /** Ends a grant at once (agreement ended or revoked). */
  revokeGrant(trx: Tx, grantId: string, reason: string): Promise<void>;
  /** Gateway calls made under a grant (count and rows), for the provider's log. */
  grantUsage(grantIds: string[]): Promise<Map<string, { calls: number; rows: number; lastAt: string | null }>>;
}

/* ------------------------------------------------------------------ areas of this module */

/** A data item as published in a dataset (数据项). */
export interface DatasetItem {
  code: string;
  name: string;
  description: string;
  dataType: ItemType;
  grade: Grade;
  /**
   * In the open distributions: true for an item any visitor may download. A 无条件开放 dataset
   * publishes its L1 (公开) items; a 有条件开放 dataset publishes none (its items are listed so an
   * applicant can choose them).
   */
  published: boolean;
}

export type DatasetState = 'draft' | 'published' | 'withdrawn';

/** One dataset of the open catalogue (开放目录), made from a catalogue resource. */
export interface Dataset {
  id: string;
  /** URL name (CKAN `name`): lower-case resource code, e.g. `xy-credit`. */
  name: string;
  resourceCode: string;
  regionCode: string;
  title: string;
  titleEn: string;
  notes: string;
  notesEn: string;
  departmentId: string;
  departmentName: string;
  departmentNameEn: string;
  openType: 'open' | 'conditional';
  openBasis: string | null;
  theme: ThemeCode;
  tags: string[];
  licence: LicenceCode;
  /** The data catalogue's frequency code. */
  frequency: string;
  temporalFrom: string | null;
  temporalTo: string | null;
  /** GB/T 2260 code of the area covered. */
  spatial: string;
  items: DatasetItem[];
  formats: FormatCode[];
  state: DatasetState;
  publishedAt: string | null;
  /** Metadata changed (UTC ISO). */
  modifiedAt: string;
  createdAt: string;
  /** Rows in the source when last synced (null for an upstream API resource). */
  rowCount: number | null;
}

export interface DatasetCounts {
  views: number;
  downloads: number;
  calls: number;
}

/** The open catalogue (catalogue area) as the CKAN, DCAT, access, grants, sandbox and community areas read it. */
export interface CataloguePort {
  byName(name: string): Promise<Dataset | null>;
  byId(id: string): Promise<Dataset | null>;
  /** Every published dataset of a region (or all), ordered by name; cached and cheap to call often. */
  published(regionCode?: string): Promise<Dataset[]>;
  /** Relevance of published datasets for a query (the same ranking as the service search): id → score, best first. */
  rank(q: string): Promise<Map<string, number>>;
  /** Counts a view of a dataset page. */
  viewed(datasetId: string): Promise<void>;
  /** The bureau's departments by id with zh and en names (publishers). */
  publishers(regionCode?: string): Promise<{ id: string; name: string; nameEn: string; datasets: number }[]>;
}

/** Downloads and API calls (access area), for figures and dataset pages. */
export interface AccessPort {
  counts(datasetIds?: string[]): Promise<Map<string, { downloads: number; calls: number }>>;
  /** Per day, the last `days` days (China Standard Time dates). */
  daily(days: number): Promise<{ day: string; downloads: number; calls: number }[]>;
}

/** What an approved application allows (grants area), read by the sandbox. */
export interface SandboxAccess {
  applicationId: string;
  datasetId: string;
  holderAccountId: string;
  /** Items the agreement names; nothing else may be grouped, measured or filtered on. */
  items: string[];
  rowRegion: string | null;
  until: string;
}

export interface GrantsPort {
  /** The caller's live sandbox access to a dataset (an approved 可用不可见 application), or null. */
  sandboxAccess(ex: Executor, who: Principal, datasetId: string): Promise<SandboxAccess | null>;
  /** Live gateway grants of a dataset's applications (for the provider's view and the figures). */
  activeCount(datasetIds?: string[]): Promise<Map<string, number>>;
}

/** Ratings (community area). */
export interface CommunityPort {
  ratings(datasetIds?: string[]): Promise<Map<string, { average: number; count: number }>>;
}

/** The opendata service's ports, made by index.ts as the areas are made. */
export interface OpendataPorts {
  source: OpenDataSource | null;
  catalogue: CataloguePort | null;
  access: AccessPort | null;
  grants: GrantsPort | null;
  community: CommunityPort | null;
}

export type { FormatCode, LicenceCode, ThemeCode };
