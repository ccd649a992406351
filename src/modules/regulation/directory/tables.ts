/** The tables of 两库: 检查对象名录库 and 执法检查人员名录库. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DirectoryTables {}
