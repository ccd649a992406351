import type { RegulationArea, RegulationContext } from '../area.ts';
import { directoryEvents } from './events.ts';

export type DirectoryArea = RegulationArea;

/** 两库: 检查对象名录库 and 执法检查人员名录库. (Skeleton: written in its own branch.) */
export function createDirectoryArea(ctx: RegulationContext): DirectoryArea {
  void ctx;
  return { events: directoryEvents, routes: async () => {} };
}
