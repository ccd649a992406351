/** The tables of 抽查计划 and the verifiable 双随机 draw. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DrawsTables {}
