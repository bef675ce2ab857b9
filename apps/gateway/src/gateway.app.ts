// Assembles the gateway's Nest application; shared by main.ts and the tests.
import { createPublicKey } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bearerAuthentication } from '#spean/access';
import { SpeanLogger } from '#spean/observability';
import { GatewayModule, type GatewayDependencies } from './gateway.module.js';

export async function createGatewayApp(deps: GatewayDependencies): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(deps), {
    logger: new SpeanLogger('gateway', {
      level: deps.config.logLevel,
      json: deps.config.environment === 'production',
    }),
  });
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { limit: '16kb', extended: false });
  // Verified before Apollo sees the request: no token, no GraphQL.
  const { kid } = deps.signingKey;
  const verificationKey = createPublicKey(deps.signingKey.privateKey);
  app.use(
    '/graphql',
    bearerAuthentication(async (tokenKid) => (tokenKid === kid ? verificationKey : undefined)),
  );
  return app;
}
