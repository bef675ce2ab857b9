// A gateway of its own on a test stack's database, assembled as main.ts does
// but with the settings a suite needs (low limits, trusted proxies), next to
// the stack's own gateway.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import {
  ClientCredentialsService,
  ClientRepository,
  Pseudonymizer,
  type SigningKey,
} from '#spean/access';
import { createEventBus } from '#spean/bus';
import { EnvReader } from '#spean/config';
import { getNationalIdScheme } from '#spean/contracts';
import { Metrics } from '#spean/observability';
import { openSchemaRegistry } from '#spean/schema-registry';
import { readGatewayConfig } from '../../apps/gateway/src/config/gateway.config.js';
import { createGatewayApp } from '../../apps/gateway/src/gateway.app.js';
import type { Credentials, SpeanStack } from '../support/spean-stack.js';

export interface GatewayInstance {
  url: string;
  app: INestApplication;
  /** Registers an agency client straight in the database (bootstrap, no audit). */
  register(name: string): Promise<Credentials>;
  close(): Promise<void>;
}

export async function startGateway(
  stack: SpeanStack,
  env: Record<string, string>,
  signingKey: SigningKey,
  /** A fixed port, for settings that must name it (PUBLIC_URL); any free one otherwise. */
  port = 0,
): Promise<GatewayInstance> {
  const closers: Array<() => Promise<void>> = [];
  try {
    const schemas = await openSchemaRegistry(stack.db.database, {
      environment: 'test',
      audit: stack.audit,
    });
    closers.push(() => schemas.close());
    const bus = await createEventBus({
      kafkaBrokers: [],
      partitions: 4,
      clientId: `gateway-${randomBytes(4).toString('hex')}-${stack.db.name}`,
      database: stack.db.database,
      logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
    });
    closers.push(() => bus.close());
    const app = await createGatewayApp({
      config: readGatewayConfig(new EnvReader({ DATA_DIR: '/nonexistent-test-data-dir', ...env })),
      database: stack.db.database,
      bus,
      metrics: new Metrics('gateway'),
      signingKey,
      validator: schemas.validator,
      nationalIds: getNationalIdScheme(),
      schemaRegistry: schemas.registry,
      lineage: schemas.lineage,
      audit: stack.audit,
      pseudonyms: new Pseudonymizer(randomBytes(32)),
    });
    closers.push(() => app.close());
    await app.listen(port, '127.0.0.1');
    const { port: listening } = app.getHttpServer().address() as AddressInfo;
    const credentials = new ClientCredentialsService(
      new ClientRepository(stack.db.database),
      () => signingKey,
      900,
    );
    return {
      url: `http://127.0.0.1:${listening}`,
      app,
      register: (name) =>
        credentials.register({
          agencyId: 'mef',
          agencyName: 'Ministry of Economy and Finance',
          name,
          role: 'agency',
        }),
      async close() {
        for (const close of closers.reverse()) await close();
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    throw error;
  }
}
