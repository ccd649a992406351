/** Tables of the community area (none yet). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CommunityTables {}
