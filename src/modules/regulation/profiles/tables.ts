/** The tables of 企业画像, 12345 线索 and 监管效能. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProfilesTables {}
