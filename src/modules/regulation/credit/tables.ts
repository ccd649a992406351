/** The tables of 信用风险分类 A–D. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CreditTables {}
