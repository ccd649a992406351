/*
 * The few parts of the RDF/JS packages the DCAT tests use (they ship no type declarations): the
 * parsers turn a text stream into quads, rdf-ext gathers them in a dataset the validator reads.
 */
declare module '@rdfjs/parser-n3' {
  import type { Readable } from 'node:stream';
  export default class ParserN3 {
    import(input: Readable): NodeJS.ReadableStream;
  }
}

declare module '@rdfjs/parser-jsonld' {
  import type { Readable } from 'node:stream';
  export default class ParserJsonld {
    import(input: Readable): NodeJS.ReadableStream;
  }
}

declare module 'rdf-ext' {
  import type { DatasetCore, NamedNode, Quad, Term } from '@rdfjs/types';
  export interface DatasetExt extends DatasetCore {
    import(stream: NodeJS.ReadableStream): Promise<DatasetExt>;
    addAll(quads: Iterable<Quad>): DatasetExt;
    match(s?: Term | null, p?: Term | null, o?: Term | null): DatasetExt;
  }
  const rdf: {
    dataset(): DatasetExt;
    namedNode(iri: string): NamedNode;
  };
  export default rdf;
}
