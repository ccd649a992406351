/** `npm run api:generate`: writes the OpenAPI document and the web app's types generated from it. */
import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT, SCHEMA_TYPES, buildDocument, typesOf } from '../src/cli/openapi-types.ts';

const doc = await buildDocument();
fs.mkdirSync(path.dirname(SCHEMA_TYPES), { recursive: true });
fs.writeFileSync(DOCUMENT, `${JSON.stringify(doc, null, 1)}\n`);
fs.writeFileSync(SCHEMA_TYPES, await typesOf(doc));
console.log(`wrote ${DOCUMENT} and ${SCHEMA_TYPES}`);
