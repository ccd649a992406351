/**
 * What `npm run api:generate` (scripts/api-generate.ts) writes: the OpenAPI document the server serves at /api/docs/json and the
 * web app's types generated from it (web/src/api/schema.d.ts). The app is built on an empty
 * in-memory database (nothing is migrated or queried: routes only need to be registered), so no
 * database server is needed. The contract test fails when the committed types are stale.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../kernel/config/index.ts';
import { generateKeys } from '../kernel/crypto/index.ts';
import { openDatabase } from '../kernel/db/index.ts';
import type { App } from '../kernel/http/app.ts';
import { createPlatform } from '../platform.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCHEMA_TYPES = path.join(ROOT, 'web/src/api/schema.d.ts');
export const DOCUMENT = path.join(ROOT, 'web/src/api/openapi.json');
export const GENERATE_COMMAND = 'npm run api:generate';

const HEADER = `/**
 * Generated from the OpenAPI document (/api/docs/json) by \`${GENERATE_COMMAND}\`. Do not edit:
 * change the route schemas on the server and run the command again.
 */

`;

/** The OpenAPI document of an app already built. */
export const documentOf = (app: App) => JSON.parse(JSON.stringify(app.swagger())) as Record<string, unknown>;

/** The document of a platform built on an empty in-memory database. */
export async function buildDocument(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-api-'));
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent' }, { dataDir, seedDemo: false, workers: false }, dataDir);
    const database = await openDatabase({ pgliteDir: 'memory://' });
    const p = await createPlatform({ config, database, keys: generateKeys(), sink: { send: async () => {} } });
    try {
      return documentOf(await p.http());
    } finally {
      await p.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The TypeScript declarations `openapi-typescript` makes of a document. */
export async function typesOf(doc: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(doc as never, { alphabetize: true });
  return HEADER + astToString(ast);
}
