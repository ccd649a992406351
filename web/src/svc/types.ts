/** Shapes of the services API as the pages use them: the server's own, from the generated schema. */
import type { Answer, Schema } from '../api/client';
export type { Page } from '../shell/usePages';

export type Label = Schema<'Bilingual'>;
export type ItemDetail = Answer<'/api/services/items/{id}'>;
export type ItemSummary = Answer<'/api/services/items'>['items'][number];
export type ItemContent = ItemDetail['content'];
export type Material = ItemContent['materials'][number];
export type ApplicationDetail = Answer<'/api/services/applications/{id}'>;
export type ApplicationView = Answer<'/api/services/applications/mine'>['items'][number];
export type TimeStatus = ApplicationView['timeStatus'];
export type HistoryRow = ApplicationDetail['history'][number];
export type Code = Schema<'CodeLabel'>;
export type Codes = Answer<'/api/services/codes'>;
export type Rectification = Answer<'/api/services/rectifications'>[number];
