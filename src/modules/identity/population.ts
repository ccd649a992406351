/** What the population base data (人口基础库) says of a person, as real-name checks need it. */
export interface PopulationPerson {
  name: string;
  regionCode: string;
}

/**
 * 一数一源: population facts (name, ID number, birth date, 户籍 …) have one source, the data
 * backbone's 人口基础库 (see docs/population.md). Identity may not import the data module, so it
 * declares the question it asks and the platform plugs in the answerer (src/flows/population.ts).
 */
export interface PopulationRegister {
  /** The person the population base lists under this ID number, or null. */
  byIdNumber(idNumber: string): Promise<PopulationPerson | null>;
}
