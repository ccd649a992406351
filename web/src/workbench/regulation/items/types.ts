import type { Answer, Body } from '../../../api/client';

export type ItemView = Answer<'/api/regulation/items/{id}'>;
export type ItemList = Answer<'/api/regulation/items'>;
export type Coverage = Answer<'/api/regulation/items/coverage'>;
export type CoverageRow = Coverage['items'][number];
export type ItemBody = Body<'/api/regulation/items'>;
export type Level = ItemView['level'];
export type Method = ItemView['methods'][number];

export const LEVELS: Level[] = ['general', 'key'];
export const METHODS: Method[] = ['onsite', 'document', 'online', 'sampling', 'credit', 'remote'];
// Named colours whose filled tags keep AA contrast (volcano's does not).
export const LEVEL_COLOURS: Record<Level, string> = { general: 'blue', key: 'red' };
