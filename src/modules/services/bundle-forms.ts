import type { ItemContent } from './schema.ts';
import type { BundleMember, MergedForm, MergedMaterial } from './bundle-schema.ts';

type Props = Record<string, Record<string, unknown>>;

/** Two field definitions ask the same question when their type, choices and format agree. */
const shape = (f: Record<string, unknown>) => JSON.stringify([f.type, f.enum ?? null, f.format ?? null]);

/**
 * The 一件事's one form: the union of its members' forms where a field several items ask (the same
 * field key, or the same fact the platform fills in) is asked once. `fieldMap` says which member
 * fields each merged field feeds. A key two items use for different questions (other type or
 * choices) is kept apart under a numbered key.
 */
export function mergeForms(members: { itemCode: string; content: ItemContent }[]): MergedForm {
  const properties: Props = {};
  const required = new Set<string>();
  const prefill: Record<string, string> = {};
  const uiSchema: Record<string, unknown> = {};
  const fieldMap: MergedForm['fieldMap'] = {};
  const byFact = new Map<string, string>();
  for (const m of members) {
    const schema = m.content.form.schema as { properties: Props; required?: string[] };
    const facts = (m.content.form.prefill ?? {}) as Record<string, string>;
    const ui = (m.content.form.uiSchema ?? {}) as Record<string, unknown>;
    for (const [field, def] of Object.entries(schema.properties)) {
      const fact = facts[field];
      let merged = fact ? byFact.get(fact) : undefined;
      if (!merged && properties[field] && !prefill[field] && shape(properties[field]) === shape(def)) merged = field;
      if (!merged) {
        merged = field;
        for (let n = 2; properties[merged]; n++) merged = `${field}_${n}`;
        properties[merged] = def;
        if (ui[field] !== undefined) uiSchema[merged] = ui[field];
        if (fact) {
          prefill[merged] = fact;
          byFact.set(fact, merged);
        }
      }
      (fieldMap[merged] ??= []).push({ itemCode: m.itemCode, field });
      if (schema.required?.includes(field)) required.add(merged);
    }
  }
  return { schema: { type: 'object', required: [...required], properties }, uiSchema, prefill, fieldMap };
}

/** Materials of the same name are asked once and given to every member that needs them. */
export function mergeMaterials(members: { itemCode: string; content: ItemContent }[]): MergedMaterial[] {
  const byName = new Map<string, MergedMaterial>();
  for (const m of members) {
    for (const mat of m.content.materials) {
      let merged = byName.get(mat.name);
      if (!merged) {
        merged = { code: `b${byName.size + 1}`, name: mat.name, nameEn: mat.nameEn ?? null, required: false, accept: [...(mat.accept ?? ['application/pdf', 'image/png', 'image/jpeg'])], targets: [] };
        byName.set(mat.name, merged);
      } else if (mat.accept) merged.accept = merged.accept.filter((a) => (mat.accept as string[]).includes(a));
      merged.required ||= mat.required;
      merged.targets.push({ itemCode: m.itemCode, field: mat.code });
    }
  }
  return [...byName.values()];
}

/** A member's own form, taken from the merged one through the field map. */
export function memberForm(form: Record<string, unknown>, fieldMap: MergedForm['fieldMap'], itemCode: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [merged, targets] of Object.entries(fieldMap)) {
    if (form[merged] === undefined) continue;
    for (const t of targets) if (t.itemCode === itemCode) out[t.field] = form[merged];
  }
  return out;
}

/**
 * Problems of a member list: an unknown item, a member waiting for itself or for a non-member, a
 * member twice, or a cycle (nobody could ever start). Also gives each member its stage.
 */
export function orderProblems(members: BundleMember[], known: Set<string>): { problems: { path: string; message: string }[]; stages: Map<string, number> } {
  const problems: { path: string; message: string }[] = [];
  const codes = new Set<string>();
  members.forEach((m, i) => {
    if (codes.has(m.itemCode)) problems.push({ path: `/content/members/${i}/itemCode`, message: `"${m.itemCode}" is listed twice / 事项重复` });
    codes.add(m.itemCode);
    if (!known.has(m.itemCode)) problems.push({ path: `/content/members/${i}/itemCode`, message: `unknown or inactive item "${m.itemCode}" / 事项不存在或已停用` });
  });
  members.forEach((m, i) =>
    m.after.forEach((a, j) => {
      if (a === m.itemCode) problems.push({ path: `/content/members/${i}/after/${j}`, message: 'a member cannot wait for itself / 事项不能依赖自身' });
      else if (!codes.has(a)) problems.push({ path: `/content/members/${i}/after/${j}`, message: `"${a}" is not a member of this bundle / 所依赖事项不在本一件事中` });
    }),
  );
  const stages = new Map<string, number>();
  let left = members.filter((m) => !m.after.includes(m.itemCode));
  for (let stage = 0; left.length; stage++) {
    const ready = left.filter((m) => m.after.every((a) => stages.has(a) || !codes.has(a)));
    if (!ready.length) {
      problems.push({ path: '/content/members', message: `the order has a cycle: ${left.map((m) => m.itemCode).join(', ')} / 办理顺序存在循环依赖` });
      break;
    }
    for (const m of ready) stages.set(m.itemCode, stage);
    left = left.filter((m) => !ready.includes(m));
  }
  return { problems, stages };
}
