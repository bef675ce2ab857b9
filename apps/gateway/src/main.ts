// The gateway process: configuration, database (migrated), bus, keys, HTTP.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Pseudonymizer } from '#spean/access';
import { AuditLog, loadOrCreateAuditKey } from '#spean/audit';
import { createEventBus } from '#spean/bus';
import { loadOrCreateKeyFile } from '#spean/config';
import { randomBytes } from 'node:crypto';
import { getNationalIdScheme } from '#spean/contracts';
import { Metrics, serveUntilStopped } from '#spean/observability';
import { openDatabase } from '#spean/persistence';
import { openSchemaRegistry } from '#spean/schema-registry';
import { loadOrCreateSigningKey } from './auth/signing-key.store.js';
import { readGatewayConfig } from './config/gateway.config.js';
import { createGatewayApp } from './gateway.app.js';

const logger = new Logger('gateway');
const config = readGatewayConfig();
const { database, close } = await openDatabase(config, 'spean-gateway', { poolSize: 20 });
// Before anything that changes what it records (schemas are registered at boot).
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
  audit,
  pseudonyms,
});
await serveUntilStopped(app, config, [
  () => bus.close(),
  () => audit.close(),
  () => schemas.close(),
  close,
]);
logger.log(
  `gateway listening on http://${config.host}:${config.port}/graphql (${bus.transport} bus)`,
);
