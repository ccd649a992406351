/** Tables of the matching area (none yet). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MatchingTables {}
