// TEMPORARY (before od-integration): an in-memory source and catalogue so the access area can be
// exercised through HTTP before the real catalogue and data flow exist. Removed after the merge.
import type { CataloguePort, Dataset, OpenDataSource, SourceCondition } from '../ports.ts';

export function fakeWorld(n: number) {
  const rows: Record<string, unknown>[] = Array.from({ length: n }, (_, i) => ({
    _id: String(i + 1).padStart(8, '0'),
    name: i === 3 ? '含,逗号"引号"\n换行' : i === 4 ? '=1+2' : `商户${i + 1}`,
    amount: (i % 100) + 0.5,
    staff: i % 7,
    secret: `S${i}`,
  }));
  const match = (r: Record<string, unknown>, w: SourceCondition[] = []) =>
    w.every((c) => (c.op === 'eq' ? r[c.item] === c.value : c.op === 'lte' ? Number(r[c.item]) <= Number(c.value) : c.op === 'gte' ? Number(r[c.item]) >= Number(c.value) : true));
  const ds = (name: string, openType: 'open' | 'conditional', state: Dataset['state'] = 'published'): Dataset => ({
    id: { open: '01900000-0000-7000-8000-000000000001', cond: '01900000-0000-7000-8000-000000000002', draft: '01900000-0000-7000-8000-000000000003' }[name]!,
    name,
    resourceCode: 'R1',
    regionCode: '152201',
    title: '测试数据集',
    titleEn: 'Test',
    notes: '',
    notesEn: '',
    departmentId: 'd',
    departmentName: '市场监管局',
    departmentNameEn: 'SAMR',
    openType,
    openBasis: null,
    theme: 'ECON' as never,
    tags: [],
    licence: 'CC-BY-4.0' as never,
    frequency: 'daily',
    temporalFrom: null,
    temporalTo: null,
    spatial: '152201',
    items: [
      { code: 'name', name: '名称', description: '', dataType: 'string', grade: 'L1', published: openType === 'open' },
      { code: 'amount', name: '金额', description: '', dataType: 'number', grade: 'L1', published: openType === 'open' },
      { code: 'staff', name: '人数', description: '', dataType: 'integer', grade: 'L1', published: openType === 'open' },
      { code: 'secret', name: '内部', description: '', dataType: 'string', grade: 'L3', published: false },
    ],
    formats: ['CSV', 'JSON', 'XLSX'] as never,
    state,
    publishedAt: null,
    modifiedAt: '2026-11-01T00:00:00.000Z',
    createdAt: '2026-11-01T00:00:00.000Z',
    rowCount: n,
  });
  const sets = [ds('open', 'open'), ds('cond', 'conditional'), ds('draft', 'open', 'draft')];
  const catalogue: CataloguePort = {
    byName: async (x) => sets.find((d) => d.name === x) ?? null,
    byId: async (x) => sets.find((d) => d.id === x) ?? null,
    published: async () => sets.filter((d) => d.state === 'published'),
    rank: async () => new Map(),
    viewed: async () => {},
    publishers: async () => [],
  };
  const source: OpenDataSource = {
    resources: async () => [],
    resource: async () => ({ code: 'R1', readable: true }) as never,
    rows: async (_c, items, o) => {
      const all = rows.filter((r) => match(r, o.where) && (!o.after || String(r._id) > o.after));
      const page = all.slice(0, o.limit);
      return { rows: page.map((r) => Object.fromEntries([['_id', r._id], ...items.map((i) => [i, r[i]])])), next: all.length > o.limit ? String(page.at(-1)!._id) : null };
    },
    count: async (_c, o) => rows.filter((r) => match(r, o?.where)).length,
    aggregate: async (_c, q) => {
      const rs = rows.filter((r) => match(r, q.where));
      const values = q.measures.map((m) => {
        const xs = rs.map((r) => Number(r[m.item!]));
        return m.fn === 'count'
          ? xs.length
          : m.fn === 'min'
            ? Math.min(...xs)
            : m.fn === 'max'
              ? Math.max(...xs)
              : m.fn === 'avg'
                ? xs.reduce((a, b) => a + b, 0) / xs.length
                : xs.reduce((a, b) => a + b, 0);
      });
      return [{ key: {}, count: rs.length, values }];
    },
    issueGrant: async () => ({ grantId: '', clientId: '', clientSecret: '' }),
    revokeGrant: async () => {},
    grantUsage: async () => new Map(),
  };
  return { rows, catalogue, source };
}
