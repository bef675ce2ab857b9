// BENCH ONLY. The gateway exactly as apps/gateway/src/main.ts assembles it,
// except that lookups are handed an audit log whose append resolves at once
// and writes nothing. It exists to measure what the audit log costs a lookup
// ("audit off" beside "audit on"); production code has no switch that turns
// the audit log off, and must never get one. Keep this file in step with
// main.ts: the only difference should be the AuditLog passed to the app.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Pseudonymizer } from '#spean/access';
import { AuditLog, loadOrCreateAuditKey } from '#spean/audit';
import { createEventBus } from '#spean/bus';
import { loadOrCreateKeyFile } from '#spean/config';
import { getNationalIdScheme } from '#spean/contracts';
import { Metrics, serveUntilStopped } from '#spean/observability';
import { openDatabase } from '#spean/persistence';
import { openSchemaRegistry } from '#spean/schema-registry';
import { fromDist } from './harness/dist.ts';

const { loadOrCreateSigningKey } = await fromDist<
  typeof import('../apps/gateway/src/auth/signing-key.store.ts')
>('apps/gateway/src/auth/signing-key.store.js');
const { readGatewayConfig } = await fromDist<
  typeof import('../apps/gateway/src/config/gateway.config.ts')
>('apps/gateway/src/config/gateway.config.js');
const { createGatewayApp } = await fromDist<typeof import('../apps/gateway/src/gateway.app.ts')>(
  'apps/gateway/src/gateway.app.js',
);

/** Takes every entry and keeps none. */
const DISCARDING_AUDIT_LOG = {
  stats: { batches: 0, entries: 0 },
  append: () => Promise.resolve({ seq: 0 }),
  seal: () => Promise.resolve(undefined),
  close: () => Promise.resolve(),
} as unknown as AuditLog;

const logger = new Logger('gateway');
const config = readGatewayConfig();
const { database, close } = await openDatabase(config, 'spean-gateway', { poolSize: 20 });
// Schema registration at boot is audited for real; only lookups skip the log.
const audit = new AuditLog(database, {
  signer: loadOrCreateAuditKey(config.auditSigningKeyFile).signer,
});
const schemas = await openSchemaRegistry(database, {
  environment: config.environment,
  audit,
  log: logger,
});
const bus = await createEventBus({
  kafkaBrokers: config.kafkaBrokers,
  partitions: config.busPartitions,
  namespace: config.busNamespace,
  retentionHours: config.busRetentionHours,
  clientId: 'spean-gateway',
  database,
  logger,
});
const pseudonyms = new Pseudonymizer(
  Buffer.from(
    loadOrCreateKeyFile(config.pseudonymKeyFile, () => randomBytes(32).toString('hex')).trim(),
    'hex',
  ),
);
const app = await createGatewayApp({
  config,
  database,
  bus,
  metrics: new Metrics('gateway'),
  signingKey: loadOrCreateSigningKey(config.tokenSigningKeyFile),
  validator: schemas.validator,
  nationalIds: getNationalIdScheme(),
  schemaRegistry: schemas.registry,
  lineage: schemas.lineage,
  audit: DISCARDING_AUDIT_LOG,
  pseudonyms,
});
await serveUntilStopped(app, config, [
  () => bus.close(),
  () => audit.close(),
  () => schemas.close(),
  close,
]);
logger.warn(
  `BENCH gateway WITHOUT AUDIT on http://${config.host}:${config.port}/graphql — never run this outside the benchmark`,
);
