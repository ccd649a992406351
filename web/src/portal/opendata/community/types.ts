import type { Answer } from '../../../api/client';

export type DatasetCommunity = Answer<'/api/opendata/community/datasets/{dataset}'>;
export type RatingSummary = DatasetCommunity['ratings'];
export type CommentPage = Answer<'/api/opendata/community/datasets/{dataset}/comments'>;
export type CommentView = CommentPage['items'][number];
export type DemandView = Answer<'/api/opendata/demands/{id}'>;
export type DemandState = DemandView['state'];
export type AppView = Answer<'/api/opendata/apps/{id}'>;
export type AppKind = AppView['kind'];
export type ProductView = Answer<'/api/opendata/products/{id}'>;
export type QueueComment = Answer<'/api/opendata/comments'>['items'][number];

export const DEMAND_STATES: DemandState[] = ['submitted', 'accepted', 'opened', 'declined'];
// Preset tag colours whose text keeps AA contrast on their own light background (green, gold, cyan
// and volcano do not: their text is lighter than 4.5:1).
export const DEMAND_COLOURS: Record<DemandState, string> = { submitted: 'default', accepted: 'blue', opened: 'purple', declined: 'magenta' };
export const APP_KINDS: AppKind[] = ['web', 'app', 'miniprogram', 'research'];

/** A published dataset as the catalogue's search answers it (only what the pickers need). */
export interface DatasetOption {
  id: string;
  name: string;
  title: string;
  titleEn: string;
}
