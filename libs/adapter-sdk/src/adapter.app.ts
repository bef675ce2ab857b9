// Assembles an adapter's Nest application; shared by runAdapter and tests.
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bearerAuthentication, RevokedClients, type KeyResolver } from '#spean/access';
import { SpeanLogger } from '#spean/observability';
import { AdapterModule, type AdapterDependencies } from './adapter.module.js';
import { IntakeHttpFilter } from './intake/intake-http.filter.js';

export async function createAdapterApp(
  deps: AdapterDependencies,
  resolveKey: KeyResolver,
): Promise<NestExpressApplication> {
  const module = AdapterModule.register(deps);
  // Revocations, held in memory: started with the app, closed with it (onApplicationShutdown).
  module.providers = [
    ...(module.providers ?? []),
    {
      provide: RevokedClients,
      useFactory: () => RevokedClients.start(deps.database, { log: new Logger('revocations') }),
    },
  ];
  const app = await NestFactory.create<NestExpressApplication>(module, {
    logger: new SpeanLogger(deps.definition.name, {
      level: deps.config.logLevel,
      json: deps.config.environment === 'production',
    }),
  });
  app.disable('x-powered-by');
  // Tokens are checked before the body is even parsed; a revoked client's within seconds.
  app.use('/v1', bearerAuthentication(resolveKey, app.get(RevokedClients)));
  app.useBodyParser('json', { limit: deps.config.maxRequestBytes });
  app.useGlobalFilters(new IntakeHttpFilter());
  return app;
}
