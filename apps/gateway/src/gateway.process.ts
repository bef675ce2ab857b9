// The gateway process: configuration, the platform (database, audit log,
// schema registry, bus), keys, HTTP — until SIGTERM/SIGINT. main.ts runs it;
// the benchmark's "audit off" gateway opens the same platform and hands the
// app its own audit log through the same dependencies, and its "verification
// off" gateway sets its read model's consumer before the app starts.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { Pseudonymizer } from '#spean/access';
import { loadOrCreateAuditKey } from '#spean/audit';
import type { EventBus } from '#spean/bus';
import { loadOrCreateKeyFile } from '#spean/config';
import { getNationalIdScheme } from '#spean/contracts';
import { Metrics, serveUntilStopped } from '#spean/observability';
import { openPlatform, type Platform } from '#spean/platform';
import { loadOrCreateSigningKey } from './auth/signing-key.store.js';
import { readGatewayConfig, type GatewayConfig } from './config/gateway.config.js';
import { createGatewayApp } from './gateway.app.js';
import type { GatewayDependencies } from './gateway.module.js';

export interface GatewayPlatform {
  config: GatewayConfig;
  platform: Platform;
  dependencies: GatewayDependencies;
}

/** Reads the configuration, opens the platform and loads the keys: all the gateway app needs. */
export async function openGatewayPlatform(): Promise<GatewayPlatform> {
  const config = readGatewayConfig();
  const auditKey = loadOrCreateAuditKey(config.auditSigningKeyFile);
  const platform = await openPlatform(config, {
    name: 'spean-gateway',
    poolSize: 20,
    audit: { signer: auditKey.signer },
    logger: new Logger('gateway'),
  });
  const pseudonymKey = loadOrCreateKeyFile(config.pseudonymKeyFile, () =>
    randomBytes(32).toString('hex'),
  );
  const dependencies: GatewayDependencies = {
    config,
    database: platform.database,
    bus: platform.bus,
    metrics: new Metrics('gateway'),
    signingKey: loadOrCreateSigningKey(config.tokenSigningKeyFile),
    validator: platform.schemas.validator,
    nationalIds: getNationalIdScheme(),
    schemaRegistry: platform.schemas.registry,
    lineage: platform.schemas.lineage,
    audit: platform.audit,
    pseudonyms: new Pseudonymizer(Buffer.from(pseudonymKey.trim(), 'hex')),
    auditPublicKey: auditKey.publicKey,
  };
  return { config, platform, dependencies };
}

/**
 * Serves the app built from these dependencies until stopped, then closes the
 * platform. `prepare` sees the app before it starts (the bench's variants).
 */
export async function serveGateway(
  { config, platform }: GatewayPlatform,
  dependencies: GatewayDependencies,
  prepare?: (app: INestApplication) => void,
): Promise<INestApplication> {
  const app = await createGatewayApp(dependencies);
  prepare?.(app);
  await serveUntilStopped(app, config, [() => platform.close()]);
  return app;
}

export async function runGatewayProcess(): Promise<{
  app: INestApplication;
  config: GatewayConfig;
  bus: EventBus;
}> {
  const gateway = await openGatewayPlatform();
  const app = await serveGateway(gateway, gateway.dependencies);
  return { app, config: gateway.config, bus: gateway.platform.bus };
}
