import type { Principal } from '../../../kernel/policy/index.ts';
import type { OpennessContext } from '../area.ts';
import { DISCLOSURE_MODES, DOCUMENT_KINDS, INTERPRETATION_FORMS, VALIDITIES, type DocumentKind, type Validity } from '../vocabulary.ts';
import { LibraryErrors } from './errors.ts';
import { toDocument, type DocumentRow, type Library } from './library.ts';
import type { DocumentIndex } from './search.ts';
import { librarySettings } from './settings.ts';

export interface SearchQuery {
  q?: string;
  theme?: string;
  issuer?: string;
  year?: number;
  validity?: Validity;
  kind?: DocumentKind;
  sort?: 'relevance' | 'published';
  page?: number;
  size?: number;
}

export interface Facet {
  value: string;
  label: string;
  labelEn: string;
  count: number;
}

/** A document in a result list. */
export interface DocumentBrief {
  id: string;
  indexNo: string;
  title: string;
  titleEn: string | null;
  kind: DocumentKind;
  themeCode: string;
  issuerName: string;
  number: string | null;
  writtenOn: string;
  publishedOn: string;
  validity: Validity;
  summary: string | null;
  /** A few words of the text around the query's first match, or its start. */
  excerpt: string;
  interpretationOf: string | null;
}

const validityLabel = (v: string): [string, string] => {
  const l = VALIDITIES[v as Validity];
  return l ? [l.zh, l.en] : [v, v];
};
const kindLabel = (v: string): [string, string] => {
  const l = DOCUMENT_KINDS[v as DocumentKind];
  return l ? [l.zh, l.en] : [v, v];
};

/** Key of an issuer: its department, or its printed name for an outside body. */
const issuerKey = (d: DocumentRow) => d.issuer_department_id ?? `name:${d.issuer_name}`;

function excerptOf(body: string, q: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const words = q.trim().split(/\s+/).filter(Boolean);
  for (const w of words) {
    const i = flat.indexOf(w);
    if (i >= 0) return `${i > 30 ? '…' : ''}${flat.slice(Math.max(0, i - 30), i + 90)}${i + 90 < flat.length ? '…' : ''}`;
  }
  return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat;
}

const xml = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** The public reads: search with facets, one document with its links resolved, and the RSS/Atom feeds. */
export class LibraryPortal {
  constructor(
    private readonly ctx: OpennessContext,
    private readonly lib: Library,
    private readonly index: DocumentIndex,
  ) {}

  async search(q: SearchQuery) {
    const size = q.size ?? 20;
    const page = q.page ?? 1;
    const inScope = (d: DocumentRow) => d.state === 'published';
    const filters: [string, (d: DocumentRow) => boolean][] = [
      ['theme', (d) => !q.theme || d.theme_code === q.theme],
      ['issuer', (d) => !q.issuer || issuerKey(d) === q.issuer],
      ['year', (d) => !q.year || d.published_on.startsWith(String(q.year))],
      ['validity', (d) => !q.validity || d.validity === q.validity],
      ['kind', (d) => !q.kind || d.kind === q.kind],
    ];
    const text = q.q?.trim() ?? '';
    const hits = text ? await this.index.rank(text, inScope) : (await this.index.all()).filter(inScope).map((doc) => ({ doc, score: 0 }));
    // Facets count what the other filters leave, so choosing a theme still shows the other themes' counts.
    const facetOf = (skip: string, value: (d: DocumentRow) => string) => {
      const counts = new Map<string, number>();
      for (const h of hits) if (filters.every(([n, f]) => n === skip || f(h.doc))) counts.set(value(h.doc), (counts.get(value(h.doc)) ?? 0) + 1);
      return counts;
    };
    const matched = hits.filter((h) => filters.every(([, f]) => f(h.doc)));
    const sort = q.sort ?? (text ? 'relevance' : 'published');
    const sorted = sort === 'relevance' ? matched : [...matched].sort((a, b) => b.doc.published_on.localeCompare(a.doc.published_on) || b.doc.index_no.localeCompare(a.doc.index_no));
    const themes = new Map((await this.lib.themes(this.ctx.k.db, true)).map((t) => [t.code, [t.name, t.nameEn] as [string, string]]));
    const issuerNames = new Map(hits.map((h) => [issuerKey(h.doc), h.doc.issuer_name]));
    const deptEn = await this.ctx.org.departmentNames([...new Set(hits.map((h) => h.doc.issuer_department_id).filter((x): x is string => !!x))]);
    const list = (m: Map<string, number>, label: (v: string) => [string, string], order: 'count' | 'value-desc' = 'count'): Facet[] =>
      [...m]
        .map(([value, count]) => ({ value, label: label(value)[0], labelEn: label(value)[1], count }))
        .sort((a, b) => (order === 'count' ? b.count - a.count || a.value.localeCompare(b.value) : b.value.localeCompare(a.value)));
    return {
      count: sorted.length,
      page,
      size,
      sort,
      results: sorted.slice((page - 1) * size, page * size).map((h) => this.brief(h.doc, text)),
      facets: {
        theme: list(
          facetOf('theme', (d) => d.theme_code),
          (v) => themes.get(v) ?? [v, v],
        ),
        issuer: list(facetOf('issuer', issuerKey), (v) => [issuerNames.get(v) ?? v, (!v.startsWith('name:') && deptEn.get(v)?.nameEn) || issuerNames.get(v) || v]),
        year: list(
          facetOf('year', (d) => d.published_on.slice(0, 4)),
          (v) => [`${v}年`, v],
          'value-desc',
        ),
        validity: list(
          facetOf('validity', (d) => d.validity),
          validityLabel,
        ),
        kind: list(
          facetOf('kind', (d) => d.kind),
          kindLabel,
        ),
      },
    };
  }

  brief(d: DocumentRow, q = ''): DocumentBrief {
    return {
      id: d.id,
      indexNo: d.index_no,
      title: d.title,
      titleEn: d.title_en,
      kind: d.kind,
      themeCode: d.theme_code,
      issuerName: d.issuer_name,
      number: d.number,
      writtenOn: d.written_on,
      publishedOn: d.published_on,
      validity: d.validity,
      summary: d.summary,
      excerpt: excerptOf(d.body, q),
      interpretationOf: d.interpretation_of,
    };
  }

  /** One document for the public (published only) or for its editors (any state), with what it links to. */
  async document(who: Principal | null, id: string) {
    const row = await this.lib.row(this.ctx.k.db, id);
    if (!row) throw LibraryErrors.notFound();
    const editor = this.lib.canEdit(who, row);
    if (row.state !== 'published' && !editor) throw LibraryErrors.notFound();
    const linkedIds = [row.interpretation_of, row.replaced_by].filter((x): x is string => !!x);
    const linked = await this.lib.rows(this.ctx.k.db, { ids: linkedIds });
    const interps = (await this.lib.rows(this.ctx.k.db, { state: 'published', interpretationOf: row.id })).reverse();
    const replaced = (await this.lib.rows(this.ctx.k.db, { replacedBy: row.id })).filter((r) => r.state === 'published' || editor);
    const ref = (r: DocumentRow | undefined) => (r && (r.state === 'published' || editor) ? { id: r.id, title: r.title, number: r.number, publishedOn: r.published_on } : null);
    const theme = (await this.lib.themes(this.ctx.k.db, true)).find((t) => t.code === row.theme_code);
    const doc = toDocument(
      row,
      interps.map((i) => i.id),
    );
    return {
      ...doc,
      themeName: theme?.name ?? row.theme_code,
      themeNameEn: theme?.nameEn ?? row.theme_code,
      validityNote: row.validity_note,
      withdrawnReason: editor ? row.withdrawn_reason : null,
      attachments: doc.attachments.map((a) => ({ ...a, url: `/api/openness/documents/${row.id}/attachments/${a.fileId}` })),
      original: ref(linked.find((r) => r.id === row.interpretation_of)),
      replacedByDocument: ref(linked.find((r) => r.id === row.replaced_by)),
      replaces: replaced.map((r) => ({ id: r.id, title: r.title, number: r.number, publishedOn: r.published_on, validity: r.validity })),
      interpretationList: interps.map((i) => ({
        id: i.id,
        title: i.title,
        form: i.interpretation_form ?? 'text',
        publishedOn: i.published_on,
        formName: INTERPRETATION_FORMS[i.interpretation_form ?? 'text'].zh,
      })),
      disclosureName: DISCLOSURE_MODES[row.disclosure].zh,
      canEdit: editor,
    };
  }

  /** An attachment of a published document (or any, for its editors). */
  async attachment(who: Principal | null, id: string, fileId: string) {
    const row = await this.lib.row(this.ctx.k.db, id);
    if (!row || (row.state !== 'published' && !this.lib.canEdit(who, row))) throw LibraryErrors.notFound();
    const a = row.attachments.find((x) => x.fileId === fileId);
    if (!a) throw LibraryErrors.fileNotFound();
    const f = await this.ctx.k.files.find(fileId);
    if (!f) throw LibraryErrors.fileNotFound();
    return { name: a.name, mime: f.mime, size: f.sizeBytes, stream: await this.ctx.k.files.open(f) };
  }

  private async latest() {
    const s = await librarySettings(this.ctx.k.settings, this.ctx.k.config.regionCode);
    const rows = (await this.index.all()).filter((d) => d.state === 'published');
    return [...rows].sort((a, b) => b.published_on.localeCompare(a.published_on) || new Date(b.created_at).getTime() - new Date(a.created_at).getTime()).slice(0, s.feedSize);
  }

  private static readonly TITLE = '政策文件库 · 政府信息公开';

  /** Atom 1.0 of the latest published documents. */
  async atom(base: string): Promise<string> {
    const docs = await this.latest();
    const updated = docs.length ? new Date(Math.max(...docs.map((d) => new Date(d.updated_at).getTime()))).toISOString() : new Date(0).toISOString();
    const entries = docs.map((d) => {
      const link = `${base}/openness/documents/${d.id}`;
      const summary = d.summary ?? excerptOf(d.body, '');
      return `  <entry>
    <id>urn:uuid:${d.id}</id>
    <title>${xml(d.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(link)}"/>
    <published>${d.published_on}T00:00:00+08:00</published>
    <updated>${new Date(d.updated_at).toISOString()}</updated>
    <author><name>${xml(d.issuer_name)}</name></author>
    <category term="${xml(d.kind)}" label="${xml(kindLabel(d.kind)[0])}"/>
    <summary>${xml(`${d.number ? `${d.number} ` : ''}${summary}`)}</summary>
  </entry>`;
    });
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xml(`${base}/openness/documents`)}</id>
  <title>${xml(LibraryPortal.TITLE)}</title>
  <subtitle>政府信息公开 · 最新发布的政策文件</subtitle>
  <link rel="self" type="application/atom+xml" href="${xml(`${base}/api/openness/feed.atom`)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${base}/openness/documents`)}"/>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
  }

  /** RSS 2.0 of the latest published documents. */
  async rss(base: string): Promise<string> {
    const docs = await this.latest();
    const rfc822 = (day: string) => new Date(`${day}T00:00:00+08:00`).toUTCString();
    const items = docs.map((d) => {
      const link = `${base}/openness/documents/${d.id}`;
      return `    <item>
      <title>${xml(d.title)}</title>
      <link>${xml(link)}</link>
      <guid isPermaLink="false">${d.id}</guid>
      <pubDate>${rfc822(d.published_on)}</pubDate>
      <category>${xml(kindLabel(d.kind)[0])}</category>
      <description>${xml(`${d.number ? `${d.number} ` : ''}${d.summary ?? excerptOf(d.body, '')}`)}</description>
    </item>`;
    });
    return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xml(LibraryPortal.TITLE)}</title>
    <link>${xml(`${base}/openness/documents`)}</link>
    <description>政府信息公开 · 最新发布的政策文件</description>
    <language>zh-CN</language>
    <atom:link rel="self" type="application/rss+xml" href="${xml(`${base}/api/openness/feed.rss`)}"/>
${items.join('\n')}
  </channel>
</rss>
`;
  }
}
