import { DomainError } from '../../../kernel/http/errors.ts';

const at = (path: string, message: string) => [{ path, message }];

/** 抽查计划 and 抽签's own refusals, each with a stable code and zh/en words. */
export const DrawErrors = {
  notFound: () => new DomainError('REGULATION_PLAN_NOT_FOUND', 404, '未找到该抽查计划', 'The inspection plan was not found'),
  unknownItem: (i: number) => new DomainError('REGULATION_PLAN_UNKNOWN_ITEM', 422, '抽查事项不存在', 'A supervision item of the plan does not exist', at(`/itemIds/${i}`, 'unknown item / 事项不存在')),
  notRandomItem: (i: number, name: string) =>
    new DomainError(
      'REGULATION_PLAN_ITEM_NOT_RANDOM',
      422,
      `「${name}」不在随机抽查事项清单中，不能纳入双随机抽查计划`,
      `"${name}" is not in the random-inspection item list and cannot be in a double-random plan`,
      at(`/itemIds/${i}`, 'not a random-check item / 非随机抽查事项'),
    ),
  itemOfOtherDepartment: (i: number, name: string) =>
    new DomainError(
      'REGULATION_PLAN_ITEM_DEPARTMENT',
      422,
      `「${name}」的实施部门不在本计划的牵头或联合部门中`,
      `"${name}" belongs to a department that is neither the lead nor a joint department of the plan`,
      at(`/itemIds/${i}`, 'department not in the plan / 部门不在计划中'),
    ),
  jointOverlap: (i: number) =>
    new DomainError(
      'REGULATION_PLAN_JOINT_OVERLAP',
      422,
      '联合部门重复，或与牵头部门相同',
      'The plan has overlapping joint departments: one is repeated or is the lead department',
      at(`/jointDepartmentIds/${i}`, 'overlapping department / 部门重复'),
    ),
  unknownDepartment: (path: string) =>
    new DomainError('REGULATION_PLAN_UNKNOWN_DEPARTMENT', 422, '部门不存在或不在本地区', 'The department does not exist or is outside this region', at(path, 'unknown department / 部门不存在')),
  scopeOutside: (i: number) =>
    new DomainError('REGULATION_PLAN_SCOPE_OUTSIDE', 422, '抽查范围超出本地区', 'The scope reaches outside your region', at(`/scope/regionCodes/${i}`, 'outside your region / 超出本地区')),
  dates: () =>
    new DomainError(
      'REGULATION_PLAN_DATES',
      422,
      '起止日期有误：须为真实日期，结束不早于开始，且在计划年度内',
      'The dates must be real days, the end not before the start, within the plan year',
      at('/endsOn', 'bad dates / 日期有误'),
    ),
  state: (state: string) => new DomainError('REGULATION_PLAN_STATE', 409, `抽查计划当前状态（${state}）不允许此操作`, `The inspection plan cannot do this in its current state (${state})`),
  alreadyDrawn: () => new DomainError('REGULATION_PLAN_ALREADY_DRAWN', 409, '该计划已抽取并公布，不能重新抽取', 'This plan has already been drawn and published; it is never drawn again'),
  seedTimePast: () =>
    new DomainError(
      'REGULATION_SEED_TIME_NOT_FUTURE',
      422,
      '随机数来源的公布时间必须晚于现在：冻结时任何人都不能已知种子',
      'The seed source must be published after now: nobody may know the seed when the plan is frozen',
      at('/seedAvailableAt', 'not in the future / 不晚于现在'),
    ),
  seedNotYet: (when: string) =>
    new DomainError('REGULATION_SEED_NOT_YET_PUBLISHED', 409, `随机数来源在 ${when} 之后才公布，现在不能抽取`, `The seed values are published only after ${when}; the draw cannot run yet`),
  seedValues: (path: string, zh: string, en: string) => new DomainError('REGULATION_SEED_VALUES_INVALID', 422, zh, en, at(path, en)),
  noCandidates: () => new DomainError('REGULATION_PLAN_NO_CANDIDATES', 422, '抽查范围内没有检查对象，无法冻结', 'No supervision object is in the scope; there is nothing to freeze'),
  poolTooSmall: (have: number, need: number) =>
    new DomainError('REGULATION_PLAN_POOL_TOO_SMALL', 422, `执法检查人员名录中只有 ${have} 名可抽人员，每户需要 ${need} 名`, `The inspector pool has ${have} inspectors; each object needs ${need}`),
  stratumTooLarge: (label: string) =>
    new DomainError('REGULATION_PLAN_STRATUM_TOO_LARGE', 422, `${label} 类抽取户数超过 65536，请分批`, `Class ${label} would draw more than 65,536 objects; split the plan into batches`),
  shortOfInspectors: (creditCode: string, eligible: number, needed: number) =>
    new DomainError(
      'REGULATION_DRAW_SHORT_OF_INSPECTORS',
      422,
      `抽中的检查对象 ${creditCode} 回避后只有 ${eligible} 名可派检查人员，少于每户 ${needed} 名；本次未抽取，计划保持冻结状态`,
      `The drawn object ${creditCode} has ${eligible} eligible inspectors after 回避, fewer than the ${needed} each object needs; nothing was drawn and the plan stays frozen`,
    ),
};
