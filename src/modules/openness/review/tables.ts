/** Tables of the review area (none yet). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReviewTables {}
