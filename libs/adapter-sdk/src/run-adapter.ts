// The whole life of an adapter process: configuration, the platform (database,
// audit log, schema registry, bus), HTTP. An adapter's main.ts is one call to
// this with its definition.
import { Logger } from '@nestjs/common';
import { RemoteKeySet } from '#spean/access';
import { topicFor } from '#spean/bus';
import { Metrics, serveUntilStopped } from '#spean/observability';
import { openPlatform } from '#spean/platform';
import type { AdapterDefinition } from './adapter-definition.js';
import { createAdapterApp } from './adapter.app.js';
import { readAdapterConfig } from './adapter.config.js';
import { loadOrCreateSigningKey } from './publishing/signing-key.js';

export async function runAdapter(definition: AdapterDefinition): Promise<void> {
  const logger = new Logger(definition.name);
  const config = readAdapterConfig(definition);
  // Adapters append without a signer; the gateway seals the chain with signed checkpoints.
  const platform = await openPlatform(config, { name: `spean-${definition.name}`, logger });
  const { database, audit, schemas, bus } = platform;
  await bus.ensureTopics(definition.publishes.map(topicFor));
  const signingKey = await loadOrCreateSigningKey(config.signingKeyFile);
  const keys = new RemoteKeySet(new URL('/.well-known/jwks.json', config.gatewayUrl).toString());
  const app = await createAdapterApp(
    {
      definition,
      config,
      database,
      bus,
      metrics: new Metrics(definition.name),
      validator: schemas.validator,
      lineage: schemas.lineage,
      audit,
      signingKey,
    },
    keys.resolve,
  );
  await serveUntilStopped(app, config, [() => platform.close()]);
  logger.log(
    `${definition.title} adapter listening on http://${config.host}:${config.port} (${bus.transport} bus)`,
  );
}
