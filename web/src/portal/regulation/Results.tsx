import { Mine } from './results/Mine';
import { PublicList } from './results/PublicList';

/** Published inspection results (一公开, /supervision/results) and an enterprise's own (/supervision/mine). */
export function PublicResults({ sub }: { sub: string }) {
  return sub.startsWith('mine') ? <Mine /> : <PublicList />;
}
