import type { DataModule } from '../modules/data/index.ts';
import type { OpendataModule, OpenDataSource } from '../modules/opendata/index.ts';

/**
 * 公共数据开放 reads the data catalogue: the resources whose 开放类型 is 无条件 or 有条件, their
 * rows (never an L3/L4 item in clear), aggregates for the sandbox, and scoped gateway grants for
 * approved 有条件开放 applications. The opendata module never reads the data module's tables.
 */
export function opendataData(data: DataModule, opendata: OpendataModule): void {
  // The data module restates the port's shapes (it does not import the opendata module); this
  // assignment is where the compiler checks that they agree.
  const source: OpenDataSource = data.open;
  opendata.useSource(source);
}
