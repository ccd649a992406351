import type { OpennessArea, OpennessContext } from '../area.ts';
import type { LibraryPort } from '../ports.ts';

export interface LibraryArea extends OpennessArea {
  /** What other areas read (also set on ctx.ports.library). */
  port: LibraryPort | null;
}

/** 政策文件库: published documents with the 政府信息公开目录 metadata, 有效性 and what replaced them, 解读 linked both ways, search, the RSS/Atom feed and JSON API. */
export function createLibraryArea(ctx: OpennessContext): LibraryArea {
  void ctx;
  return { events: {}, routes: async () => {}, port: null };
}
