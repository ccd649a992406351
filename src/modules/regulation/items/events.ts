import { Type } from '@sinclair/typebox';
import type { EventCatalogue } from '../../../kernel/events/index.ts';

/** A 监管事项 was created, changed, deactivated or made active again. */
export const ITEM_CREATED = 'regulation.item.created';
export const ITEM_UPDATED = 'regulation.item.updated';
export const ITEM_DEACTIVATED = 'regulation.item.deactivated';
export const ITEM_ACTIVATED = 'regulation.item.activated';

/** What a subscriber (the draws area, a cache of the public list) needs to know without reading the row. */
const ItemChanged = Type.Object({
  id: Type.String(),
  code: Type.String(),
  departmentId: Type.String(),
  randomCheck: Type.Boolean(),
  active: Type.Boolean(),
});

export const itemsEvents: EventCatalogue = {
  [ITEM_CREATED]: ItemChanged,
  [ITEM_UPDATED]: ItemChanged,
  [ITEM_DEACTIVATED]: ItemChanged,
  [ITEM_ACTIVATED]: ItemChanged,
};
