// The gateway process: configuration, database (migrated), audit log, schema
// registry, bus, keys, HTTP — until SIGTERM/SIGINT. main.ts runs it as it is;
// the benchmark's "audit off" gateway is the only caller that passes an option.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { Pseudonymizer } from '#spean/access';
import { AuditLog, loadOrCreateAuditKey } from '#spean/audit';
import { busSettings, createEventBus, type EventBus } from '#spean/bus';
import { loadOrCreateKeyFile } from '#spean/config';
import { getNationalIdScheme } from '#spean/contracts';
import { Metrics, serveUntilStopped } from '#spean/observability';
import { openDatabase } from '#spean/persistence';
import { openSchemaRegistry } from '#spean/schema-registry';
import { loadOrCreateSigningKey } from './auth/signing-key.store.js';
import { readGatewayConfig, type GatewayConfig } from './config/gateway.config.js';
import { createGatewayApp } from './gateway.app.js';

export interface GatewayProcessOptions {
  /**
   * BENCHMARK ONLY: the log lookups are written to, given the real one. The
   * benchmark measures what auditing costs by passing one that keeps nothing;
   * production never passes this, and there is no setting for it.
   */
  lookupAuditLog?: (audit: AuditLog) => AuditLog;
}

export async function runGatewayProcess(
  options: GatewayProcessOptions = {},
): Promise<{ app: INestApplication; config: GatewayConfig; bus: EventBus }> {
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
    ...busSettings(config),
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
    audit: options.lookupAuditLog ? options.lookupAuditLog(audit) : audit,
    pseudonyms,
  });
  await serveUntilStopped(app, config, [
    () => bus.close(),
    () => audit.close(),
    () => schemas.close(),
    close,
  ]);
  return { app, config, bus };
}
