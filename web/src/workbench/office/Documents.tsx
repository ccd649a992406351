import { DocumentEditor } from './documents/DocumentEditor';
import { DocumentList } from './documents/DocumentList';
import { DocumentPage } from './documents/DocumentPage';

/**
 * 「发文」 in the workbench's 一网协同 area; `sub` is the path below /workbench/office/documents:
 * '' the list, `new` 拟稿, `<id>` the 办理单, `<id>/edit` a draft in the editor.
 */
export function DocumentsPage({ sub }: { sub: string }) {
  const [id, mode] = sub.split('/');
  if (!id) return <DocumentList />;
  if (id === 'new') return <DocumentEditor />;
  if (mode === 'edit') return <DocumentEditor key={id} id={id} />;
  return <DocumentPage key={id} id={id} />;
}
