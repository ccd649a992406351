/** Tables of the requests area (none yet). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RequestsTables {}
