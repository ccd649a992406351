import type { RegulationArea, RegulationContext } from '../area.ts';
import type { InspectorsPort, ObjectsPort } from '../ports.ts';
import { directoryEvents } from './events.ts';
import { DirectoryInspectors } from './inspectors.ts';
import { DirectoryObjects } from './objects.ts';
import { DirectoryRelations } from './relations.ts';
import { directoryRoutes } from './routes.ts';
import { ObjectSync } from './sync.ts';

export interface DirectoryArea extends RegulationArea {
  /** 检查对象名录库 (seeds and tests call these; other areas use `ctx.ports.objects`). */
  objects: DirectoryObjects;
  /** Sync of a region's objects from the entity base: queued (`request`) or at once (`runNow`). */
  sync: ObjectSync;
  /** 执法检查人员名录库 (other areas use `ctx.ports.inspectors`). */
  inspectors: DirectoryInspectors;
  relations: DirectoryRelations;
  /** The ports other areas read (the same objects as `ctx.ports.objects` / `ctx.ports.inspectors`). */
  objectsPort: ObjectsPort;
  inspectorsPort: InspectorsPort;
}

/** 两库: 检查对象名录库 and 执法检查人员名录库, with declared 利害关系 for 回避. */
export function createDirectoryArea(ctx: RegulationContext): DirectoryArea {
  const objects = new DirectoryObjects(ctx);
  const sync = new ObjectSync(ctx);
  const inspectors = new DirectoryInspectors(ctx);
  const relations = new DirectoryRelations(ctx, inspectors);
  const objectsPort = objects.port;
  const inspectorsPort: InspectorsPort = { ...inspectors.port, relations: relations.relations };
  ctx.ports.objects = objectsPort;
  ctx.ports.inspectors = inspectorsPort;
  return { events: directoryEvents, routes: directoryRoutes({ ctx, objects, sync, inspectors, relations }), objects, sync, inspectors, relations, objectsPort, inspectorsPort };
}
