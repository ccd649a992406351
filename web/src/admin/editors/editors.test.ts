// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { fromDefinition, fieldProblems, move, newField, toDefinition, type FormModel } from './formModel';
import { fenToYuan, formatYuan, parseYuan } from './money';
import { clientProblems, layout, removeState, renameState, targetOf, type WfDefinition } from './workflowModel';

/** A small 即办件 path like the server's default; src/modules/services/editor-model.test.ts checks the real ones. */
const INSTANT: WfDefinition = {
  initial: 'submitted',
  states: {
    submitted: { zh: '待受理', en: 'Awaiting acceptance', limitDays: 1 },
    completed: { zh: '已办结', en: 'Completed', limitDays: 1 },
    delivered: { zh: '已出件', en: 'Delivered', kind: 'end' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn', kind: 'end' },
  },
  actions: [
    { code: 'approve', zh: '受理并办结', en: 'Accept and complete', from: ['submitted'], to: 'completed', actor: 'staff', roles: ['window_staff'] },
    { code: 'withdraw', zh: '撤回申请', en: 'Withdraw', from: ['submitted'], to: 'withdrawn', actor: 'applicant' },
    { code: 'deliver', zh: '出件', en: 'Deliver', from: ['completed'], to: 'delivered', actor: 'staff', roles: ['window_staff'], requires: ['delivery'] },
  ],
};
const ROLE_CODES = ['window_staff', 'approver'];
const ACTIONS = ['approve', 'withdraw', 'deliver', 'reject'];

describe('fees in yuan', () => {
  it('reads 12.5 元 as 1250 分 and shows it as ¥12.50', () => {
    expect(parseYuan('12.5')).toEqual({ fen: 1250 });
    expect(parseYuan('0.1')).toEqual({ fen: 10 });
    expect(parseYuan('19.99')).toEqual({ fen: 1999 });
    expect(parseYuan('')).toEqual({ fen: 0 });
    expect(fenToYuan(1250)).toBe('12.50');
    expect(formatYuan(1250)).toBe('¥12.50');
    expect(formatYuan(5)).toBe('¥0.05');
  });

  it('refuses a negative fee, a third decimal, text and more than the server allows', () => {
    expect(parseYuan('-1')).toEqual({ problem: 'negative' });
    expect(parseYuan('1.005')).toEqual({ problem: 'decimals' });
    expect(parseYuan('12元')).toEqual({ problem: 'invalid' });
    expect(parseYuan('1000001')).toEqual({ problem: 'tooLarge' });
  });

  it('gives back the same fen for every amount shown in yuan', () => {
    for (const fen of [0, 1, 9, 10, 99, 100, 1250, 123456, 100_000_000]) expect(parseYuan(fenToYuan(fen))).toEqual({ fen });
  });
});

describe('the form builder model', () => {
  it('round-trips a built form: types, validation, layout, sections, English titles and prefill', () => {
    const model: FormModel = {
      groups: [{ key: 'g1', zh: '经营者信息', en: 'Operator' }],
      fields: [
        { key: 'operatorName', type: 'text', titleZh: '经营者姓名', titleEn: 'Operator name', required: true, minLength: 2, maxLength: 30, width: 'half', group: 'g1', prefill: 'person.name' },
        { key: 'idNumber', type: 'idNumber', titleZh: '公民身份号码', titleEn: 'ID number', required: true, width: 'half', group: 'g1', prefill: 'person.idNumber' },
        { key: 'phone', type: 'phone', titleZh: '联系电话', titleEn: '', required: false, width: 'half' },
        { key: 'creditCode', type: 'creditCode', titleZh: '统一社会信用代码', titleEn: '', required: false, width: 'half' },
        { key: 'address', type: 'address', titleZh: '经营场所', titleEn: 'Premises', required: true, maxLength: 200, width: 'full' },
        { key: 'scope', type: 'textarea', titleZh: '经营范围', titleEn: '', required: true, maxLength: 1000, width: 'full' },
        { key: 'staff', type: 'number', titleZh: '从业人数', titleEn: '', required: false, integer: true, minimum: 0, maximum: 999, width: 'half' },
        { key: 'opened', type: 'date', titleZh: '开业日期', titleEn: '', required: false, width: 'half' },
        { key: 'kind', type: 'select', titleZh: '组成形式', titleEn: '', required: true, options: ['个人经营', '家庭经营'], width: 'half' },
        { key: 'postcode', type: 'text', titleZh: '邮编', titleEn: '', required: false, pattern: 'postcode', width: 'half' },
      ],
    };
    const def = toDefinition(model);
    expect(def.schema).toMatchObject({
      type: 'object',
      required: ['operatorName', 'idNumber', 'address', 'scope', 'kind'],
      properties: {
        idNumber: { type: 'string', pattern: '^[0-9]{17}[0-9Xx]$', 'x-title-en': 'ID number' },
        staff: { type: 'integer', minimum: 0, maximum: 999 },
        opened: { type: 'string', format: 'date' },
        kind: { type: 'string', enum: ['个人经营', '家庭经营'] },
        postcode: { pattern: '^[0-9]{6}$' },
      },
    });
    expect(def.prefill).toEqual({ operatorName: 'person.name', idNumber: 'person.idNumber' });
    expect(def.uiSchema).toMatchObject({ 'ui:order': model.fields.map((f) => f.key), scope: { 'ui:widget': 'textarea' }, 'ui:options': { groups: model.groups } });
    expect(fromDefinition(JSON.parse(JSON.stringify(def)))).toEqual(model);
  });

  it('reads a stored form written by hand, keeping keywords and a pattern it does not edit', () => {
    const stored = {
      schema: {
        type: 'object',
        required: ['name', 'code'],
        properties: {
          name: { type: 'string', title: '姓名', minLength: 1, maxLength: 100 },
          code: { type: 'string', title: '编码', pattern: '^[A-Z]{3}$', description: '三个大写字母' },
          note: { type: 'string', title: '说明' },
        },
      },
      uiSchema: { note: { 'ui:widget': 'textarea' } },
      prefill: { name: 'person.name' as const },
    };
    const model = fromDefinition(stored);
    expect(model.fields.map((f) => [f.key, f.type, f.required, f.prefill])).toEqual([
      ['name', 'text', true, 'person.name'],
      ['code', 'text', true, undefined],
      ['note', 'textarea', false, undefined],
    ]);
    const back = toDefinition(model);
    expect(back.schema).toEqual(stored.schema);
    expect(back.prefill).toEqual(stored.prefill);
    expect(back.uiSchema).toMatchObject(stored.uiSchema);
  });

  it('names the field problems an administrator must fix, and reorders fields', () => {
    const a = newField('text', []);
    const b = { ...newField('select', [a.key]), key: a.key, titleZh: '类型' };
    expect(fieldProblems({ fields: [a, b], groups: [] }).map((p) => `${p.index}:${p.problem}`)).toEqual(['0:titleMissing', '1:keyTaken', '1:optionsMissing']);
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});

describe('the workflow designer checks', () => {
  it('finds nothing wrong in a sound path', () => {
    expect(clientProblems(INSTANT, ROLE_CODES, ACTIONS)).toEqual([]);
  });

  it('shows an unreachable state, a state with no exit, no end state, an unknown role and an action without handler', () => {
    const def = structuredClone(INSTANT);
    def.states.archive = { zh: '归档', en: 'Archived' };
    def.actions.push({ code: 'archive_it', zh: '归档', en: 'Archive', from: ['archive'], to: 'delivered', actor: 'staff', roles: ['librarian'] });
    expect(clientProblems(def, ROLE_CODES, ACTIONS).map((p) => `${p.code}:${p.subject}`)).toEqual(expect.arrayContaining(['unreachable:archive', 'unknownRole:librarian', 'noHandler:archive_it']));

    const dead = structuredClone(INSTANT);
    dead.states.parked = { zh: '搁置', en: 'Parked' };
    dead.actions.push({ code: 'withdraw', zh: '搁置', en: 'Park', from: ['submitted'], to: 'parked', actor: 'applicant' });
    expect(clientProblems(dead, ROLE_CODES).map((p) => `${p.code}:${p.subject}`)).toEqual(expect.arrayContaining(['noExit:parked', 'duplicateAction:withdraw']));

    const noEnd: WfDefinition = { initial: 'a', states: { a: { zh: '甲', en: 'A' } }, actions: [{ code: 'loop', zh: '转', en: 'Loop', from: ['a'], to: 'a', actor: 'system' }] };
    expect(clientProblems(noEnd, ROLE_CODES).map((p) => p.code)).toEqual(expect.arrayContaining(['noEnd', 'cannotFinish']));
  });

  it('lays states out in layers from the start, unreachable ones apart, and finds the element of a server path', () => {
    const def = structuredClone(INSTANT);
    def.states.orphan = { zh: '孤立', en: 'Orphan', kind: 'end' };
    const { nodes } = layout(def);
    const layerOf = (c: string) => nodes.find((n) => n.code === c)!.layer;
    expect([layerOf('submitted'), layerOf('completed'), layerOf('delivered'), layerOf('orphan')]).toEqual([0, 1, 2, 3]);
    expect(targetOf(def, '/content/workflow/states/orphan')).toEqual({ state: 'orphan' });
    expect(targetOf(def, '/actions/2/roles/0')).toEqual({ action: 2 });
  });

  it('renames a state everywhere and removes one with the actions into it', () => {
    const def = renameState(INSTANT, 'submitted', 'received');
    expect(def.initial).toBe('received');
    expect(def.actions.every((a) => !a.from.includes('submitted'))).toBe(true);
    const less = removeState(def, 'withdrawn');
    expect(less.states.withdrawn).toBeUndefined();
    expect(less.actions.some((a) => a.to === 'withdrawn')).toBe(false);
  });
});
