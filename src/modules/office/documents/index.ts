import type { OfficeArea, OfficeContext } from '../area.ts';
import type { ArchivableRecord } from '../ports.ts';
import { renderOfficialDocument } from '../render/index.ts';
import { documentsEvents } from './events.ts';
import { documentsRoutes } from './routes.ts';
import { Documents, type Render } from './service.ts';

export { DOCUMENT_DISTRIBUTED, DocumentDistributed } from './events.ts';
export { DOC_TYPES } from './schema.ts';

/** 发文 as the module and the other areas use it. */
export interface DocumentsArea extends OfficeArea {
  service: Documents;
  /** The archives area makes packages from distributed 公文. */
  archivable(id: string): Promise<ArchivableRecord | null>;
  /** Replaces the renderer (tests stub it; the default is GB/T 9704 rendering in ../render). */
  useRender(render: Render): void;
}

/**
 * 发文: 拟稿 → 核稿 → 会签 → 签发 → 编号 → 用印 → 分发 on the kernel's action engine, with every
 * text version kept and its 修改痕迹 visible.
 */
export function createDocumentsArea(ctx: OfficeContext, render: Render = renderOfficialDocument): DocumentsArea {
  const service = new Documents(ctx, render);
  ctx.todos.register('document', (who, ex) => service.todos(who, ex));
  return {
    events: documentsEvents,
    routes: documentsRoutes(service),
    service,
    archivable: (id) => service.archivable(id),
    useRender: (r) => void (service.render = r),
  };
}
