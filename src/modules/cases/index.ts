import type { Executor, Migration, Tx } from '../../kernel/db/index.ts';
import { caseArchiveFacts, type CaseArchiveFacts } from './archive-facts.ts';
import { caseComplaintFacts, type CaseComplaintFacts } from './complaint-facts.ts';
import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy, Principal } from '../../kernel/policy/index.ts';
import type { Grids } from '../cityops/index.ts';
import type { IntakeResult, SensorAlarm } from './intake.ts';
import { casesEvents } from './events.ts';
import { DepartmentNames, type OrgService } from '../org/index.ts';
import { Categories } from './categories.ts';
import { Classifier } from './classifier.ts';
import { sweepDeadlines } from './deadlines.ts';
import { Handling } from './handling.ts';
import { CASE_ACTIONS } from './case-steps.ts';
import { handlerProblems } from '../../kernel/workflow/index.ts';
import { importHistory, type HistoricalCase } from './history.ts';
import { Intake } from './intake.ts';
import { CaseNotes } from './notes.ts';
import { KnowledgeBase } from './knowledge.ts';
import { Open311Keys } from './open311/keys.ts';
import { open311Routes } from './open311/routes.ts';
import { Open311Service } from './open311/service.ts';
import { casesMigrations } from './migrations/index.ts';
import { casesRoutes } from './routes.ts';
import { CaseStats } from './stats.ts';
import { caseScreenFigures, type CaseScreenFigures } from './screen-figures.ts';
import { Suggester } from './suggestions.ts';
import { CaseViews } from './views.ts';
import { CaseWorkflows } from './workflows.ts';
import { caseWorkflowRoutes } from './workflow-routes.ts';
import { declareCaseSettings } from './settings.ts';

export { casesMigrations } from './migrations/index.ts';
export { CASE_WORKFLOW } from './workflow.ts';
export { caseSettings, CASE_SETTINGS_KEY, type CaseSettings } from './settings.ts';
export { caseTerms } from './classifier.ts';
export type { HistoricalCase } from './history.ts';
export type { PublicEntryInput } from './knowledge.ts';
export type { CaseInput, CaseActionBody, CaseNoteBody, CategoryInput, DutyInput, KnowledgeInput, Suggestion } from './schema.ts';
export type { SensorAlarm } from './intake.ts';
export * from './events.ts';
export type { CaseArchiveFacts } from './archive-facts.ts';
export type { CaseComplaintFacts } from './complaint-facts.ts';
export type { CaseScreenFigures } from './screen-figures.ts';

/** 12345 一线通达 and 一网统管 events: what the platform, flows and seeds may use of the cases module. */
export interface CasesModule {
  categories: Pick<Categories, 'saveCategory' | 'saveDuty'>;
  classifier: Pick<Classifier, 'classify' | 'addPlaces'>;
  /** The two slots of a call (department, street) and 需人工判断. */
  suggester: Pick<Suggester, 'understand'>;
  intake: Pick<Intake, 'report'>;
  handling: Pick<Handling, 'act'>;
  /** 知识库; its public entries are the 统一知识问答库 (searchPublic without sign-in; publishPublic/unpublishPublic for another module's answers). */
  knowledge: Pick<KnowledgeBase, 'save' | 'searchPublic' | 'publishPublic' | 'unpublishPublic'>;
  stats: Pick<CaseStats, 'classifierAccuracy' | 'period'>;
  open311Keys: Pick<Open311Keys, 'issue' | 'principalOf'>;
  /** 一网统管: an alarm raised by a sensor becomes a case, exactly once (the alarm id is its reference). */
  reportSensor(trx: Tx, alarm: SensorAlarm): Promise<IntakeResult>;
  importHistory(who: Principal, records: HistoricalCase[]): ReturnType<typeof importHistory>;
  /** 电子档案: a case's request, answer, photos and action log (read-only, for the office module's archive flow). */
  archiveFacts(ex: Executor, caseId: string): Promise<CaseArchiveFacts | null>;
  /** 互联网+监管: a case's number, kind, text, region and time, by id or number (read-only, for the complaints → profile flow). */
  complaintFacts(ex: Executor, caseIdOrNumber: string): Promise<CaseComplaintFacts | null>;
  /** The command screen's 12345 figures: today, the last `days` days, hot categories and heat (read-only). */
  screenFigures(who: Principal, days: number): Promise<CaseScreenFigures>;
  migrations: Migration[];
  routes: (app: App) => Promise<void>;
  open311Routes: (app: App) => Promise<void>;
  /** Case workflow versions per region: read and published in admin. */
  workflows: Pick<CaseWorkflows, 'latest' | 'get' | 'publish'>;
  workflowRoutes: (app: App) => Promise<void>;
}

/** 12345 一线通达 and 一网统管 events: one case engine for every channel. */
export function createCasesModule(k: Kernel, policy: Policy, org: OrgService, grids: Grids): CasesModule {
  k.events.declareAll(casesEvents);
  declareCaseSettings(k.settings);
  const workflows = new CaseWorkflows(k);
  // A published workflow may name only actions the engine has a handler for.
  workflows.checkHandlers = (def) => handlerProblems(def, CASE_ACTIONS);
  const names = new DepartmentNames(org);
  const categories = new Categories(k, policy, org);
  const classifier = new Classifier(k, categories, org);
  const suggester = new Suggester(categories, classifier, names, grids);
  const intake = new Intake(k, policy, grids, categories, suggester, workflows);
  const handling = new Handling(k, policy, org, grids, categories, classifier, workflows);
  const notes = new CaseNotes(k, policy, handling);
  const views = new CaseViews(k, policy, names, grids, categories, handling, workflows);
  const knowledge = new KnowledgeBase(k, policy, categories);
  const stats = new CaseStats(k, policy, org, grids, categories);
  const open311Keys = new Open311Keys(k, policy);
  const open311 = new Open311Service(k, categories, intake, open311Keys, org, workflows);
  k.jobs.registerTimer('cases.deadlines', 300_000, async (_job, trx) => void (await sweepDeadlines(k, trx)));
  return {
    categories,
    classifier,
    suggester,
    intake,
    handling,
    knowledge,
    stats,
    open311Keys,
    reportSensor: (trx, alarm) => intake.reportSensor(trx, alarm),
    importHistory: (who: Principal, records: HistoricalCase[]) => importHistory(k, policy, classifier, workflows, who, records),
    archiveFacts: (ex, id) => caseArchiveFacts(ex, id),
    complaintFacts: (ex, ref) => caseComplaintFacts(ex, ref),
    screenFigures: (who, days) => caseScreenFigures(k, policy, categories, who, days),
    migrations: casesMigrations,
    routes: casesRoutes({ categories, suggester, intake, handling, notes, views, knowledge, stats, keys: open311Keys, workflows, regionCode: k.config.regionCode }),
    workflows,
    workflowRoutes: caseWorkflowRoutes(workflows, policy, k.config.regionCode),
    open311Routes: open311Routes(k, open311),
  };
}
