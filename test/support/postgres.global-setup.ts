// Starts one real PostgreSQL for the whole run (embedded, in a temporary
// directory) unless TEST_DATABASE_URL names a server to use. Each test file
// then creates its own database from it (see test-database.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Jest loads global setup outside its module map: import the self-contained file itself.
import {
  startEmbeddedPostgres,
  type RunningPostgres,
} from '../../libs/persistence/src/embedded-postgres.ts';
import { freePortBlock } from '../../tools/free-ports.ts';

declare global {
  var __SPEAN_TEST_POSTGRES__: { server: RunningPostgres; dir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL || globalThis.__SPEAN_TEST_POSTGRES__) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-test-pg-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePortBlock(1);
  const server = await startEmbeddedPostgres({ dataDir: dir, port, unsafeFast: true });
  globalThis.__SPEAN_TEST_POSTGRES__ = { server, dir };
  // Workers start after this and inherit the environment.
  process.env.TEST_DATABASE_URL = server.url('superuser', 'postgres');
  process.env.TEST_DATABASE_ROLES = JSON.stringify({
    migrator: server.credentials.migrator,
    app: server.credentials.app,
  });
}
