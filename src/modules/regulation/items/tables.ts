/** The tables of 监管事项清单 (照单监管). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ItemsTables {}
