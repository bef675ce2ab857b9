// Assembles an adapter's Nest application; shared by runAdapter and tests.
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bearerAuthentication, type KeyResolver } from '#spean/access';
import { SpeanLogger } from '#spean/observability';
import { AdapterModule, type AdapterDependencies } from './adapter.module.js';
import { IntakeHttpFilter } from './intake/intake-http.filter.js';

export async function createAdapterApp(
  deps: AdapterDependencies,
  resolveKey: KeyResolver,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AdapterModule.register(deps), {
    logger: new SpeanLogger(deps.definition.name, {
      level: deps.config.logLevel,
      json: deps.config.environment === 'production',
    }),
  });
  app.disable('x-powered-by');
  // Tokens are checked before the body is even parsed.
  app.use('/v1', bearerAuthentication(resolveKey));
  app.useBodyParser('json', { limit: deps.config.maxRequestBytes });
  app.useGlobalFilters(new IntakeHttpFilter());
  return app;
}
