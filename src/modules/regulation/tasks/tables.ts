/** The tables of 检查任务, 结果, 异议, 行政处罚 and 一公开. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TasksTables {}
