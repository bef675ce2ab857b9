// Assembles the gateway's Nest application; shared by main.ts and the tests.
import { createPublicKey } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bearerAuthentication, CitizenSubjects, RevokedClients } from '#spean/access';
import { SpeanLogger } from '#spean/observability';
import { GatewayModule, type GatewayDependencies } from './gateway.module.js';
import {
  graphqlBodyErrors,
  isGraphqlJson,
  markGraphqlRequest,
} from './hardening/graphql-body.middleware.js';
import { CONSOLE_PATH, consoleStatic } from './console/console-static.js';
import { bodyErrors } from './hardening/body-errors.middleware.js';
import { internalErrors } from './hardening/internal-errors.middleware.js';
import { graphqlClientRateLimit } from './hardening/rate-limit.middleware.js';
import { SharedBucketStore } from './hardening/shared-bucket-store.js';
import { tokenBodyErrors, tokenFormParser } from './auth/token-body.middleware.js';
import { sessionDownloadOrBearer, sessionOrBearer } from './sessions/session-authentication.js';
import { statedOfficerMiddleware } from './sessions/stated-officer.js';
import { EMBEDDED_PROVIDER } from './sessions/sessions.module.js';
import { EMBEDDED_PROVIDER_PATH } from './sessions/sessions.config.js';
import { SignInService } from './sessions/sign-in.service.js';

// The gateway's public surface for tools and tests that start it: the token of
// the grantable sections it serves, and the error codes a client may see.
export { GRANTABLE_SECTIONS } from './gateway.tokens.js';
export { CLIENT_ERROR_CODES } from './hardening/graphql-hardening.js';
// The module itself, for tools that build the schema without serving it (tools/print-schema.ts).
export { GatewayModule, type GatewayDependencies } from './gateway.module.js';
// The read model's consumer group, which the Kafka ACLs name.
export { READ_MODEL_GROUP } from './read-model/read-model.service.js';
// The read model's SQL, for `spean backfill`, which lands a staged chunk in it (applyStaged).
export { ReadModelRepository } from './read-model/read-model.repository.js';
// The shared rate-limit buckets, for the suite that runs two limiters on one database.
export { LeasedRateLimiter } from './hardening/leased-rate-limiter.js';
export { RateBucketRepository } from './hardening/rate-bucket.repository.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export async function createGatewayApp(deps: GatewayDependencies): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(deps), {
    logger: new SpeanLogger('gateway', {
      level: deps.config.logLevel,
      json: deps.config.environment === 'production',
    }),
  });
  app.disable('x-powered-by');
  // The client's address is the connection's, or X-Forwarded-For's when the
  // connection comes from a listed reverse proxy (per-address limits count it).
  const { trustedProxies } = deps.config;
  app.set('trust proxy', trustedProxies.length > 0 ? trustedProxies : false);
  const { limits } = deps.config;
  // Demo mode: the OpenID provider persons sign in with (sessions/embedded-provider.ts).
  const provider = app.get<symbol, Handler | null>(EMBEDDED_PROVIDER, { strict: false });
  if (provider) app.use(EMBEDDED_PROVIDER_PATH, provider);
  // Verified before Apollo sees the request: no token (or signed-in session), no GraphQL.
  const { kid } = deps.signingKey;
  const verificationKey = createPublicKey(deps.signingKey.privateKey);
  const authenticate = bearerAuthentication(
    async (tokenKid) => (tokenKid === kid ? verificationKey : undefined),
    // A revoked client's tokens are refused within seconds, checked in memory.
    app.get(RevokedClients),
    // A citizen's token names its client only; the national id is resolved here.
    new CitizenSubjects(deps.database),
  );
  app.use(
    '/graphql',
    sessionOrBearer(app.get(SignInService), authenticate),
    // The officer a desk system says it asks for (X-Spean-Officer), if it says one.
    statedOfficerMiddleware,
    // Then the client's rate limit; the body is read only after both.
    graphqlClientRateLimit(limits, deps.metrics, app.get(SharedBucketStore)),
    markGraphqlRequest,
  );
  // The audit log's CSV export and checkpoint key (audit/audit-csv.controller.ts):
  // the same tokens, or a signed-in person's session for a same-origin download.
  app.use('/v1/audit', sessionDownloadOrBearer(app.get(SignInService), authenticate));
  // /auth/token reads its forms itself, refusing bad percent-encoding; its body
  // errors are answered as OAuth2 errors (auth/token-body.middleware.ts).
  app.use('/auth/token', tokenFormParser());
  // /graphql bodies have their own, smaller limit (hardening/graphql-body.middleware.ts).
  app.useBodyParser('json', { limit: limits.maxBodyBytes, type: isGraphqlJson });
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { limit: '16kb', extended: false });
  app.use('/graphql', graphqlBodyErrors(limits, deps.metrics));
  app.use('/auth/token', tokenBodyErrors);
  // Every other route's unreadable body: a 4xx naming the rule (hardening/body-errors.middleware.ts).
  app.use(bodyErrors);
  // The console for persons (apps/console), under a strict Content-Security-Policy.
  app.use(CONSOLE_PATH, consoleStatic(deps.config.consoleDir));
  // Anything else that failed before a route answered: a generic 500, never the error's text.
  app.use(internalErrors);
  return app;
}
