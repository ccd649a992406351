import type { Answer } from '../../api/client';

export type BundleDetail = Answer<'/api/services/bundles/{id}'>;
export type BundleSummary = Answer<'/api/services/bundles'>[number];
export type BundleStatus = Answer<'/api/services/bundle-applications/{id}'>;
export type BundleMember = BundleDetail['memberItems'][number];
