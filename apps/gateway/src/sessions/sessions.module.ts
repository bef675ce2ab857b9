// Persons sign in (OpenID Connect, backend-for-frontend): the sign-in service
// and its HTTP endpoints, and in demo mode the embedded provider. The /graphql
// session check and the provider's mount are wired in gateway.app.ts, which
// fetches them from this module.
import { randomBytes } from 'node:crypto';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { AccessControlRepository } from '#spean/access';
import type { GatewayDependencies } from '../gateway.module.js';
import { GATEWAY_CONFIG } from '../gateway.tokens.js';
import { embeddedProvider } from './embedded-provider.js';
import { PersonSessionRepository } from './person-session.repository.js';
import { SessionsController } from './sessions.controller.js';
import { EMBEDDED_PROVIDER_PATH, type Audience, type IssuerSettings } from './sessions.config.js';
import { SignInService } from './sign-in.service.js';

/** The embedded provider's request handler, or null when it is off. */
export const EMBEDDED_PROVIDER = Symbol('EMBEDDED_PROVIDER');

@Module({})
export class SessionsModule {
  static register(deps: GatewayDependencies): DynamicModule {
    const settings = deps.config.sessions;
    const log = new Logger('sessions');
    // The embedded provider's clients get secrets made for this process.
    const embeddedSecrets: Record<Audience, string> = {
      officer: randomBytes(32).toString('base64url'),
      citizen: randomBytes(32).toString('base64url'),
    };
    const withSecret = (issuer: IssuerSettings | null): IssuerSettings | null =>
      issuer && settings.embeddedProvider && issuer.clientSecret === ''
        ? { ...issuer, clientSecret: embeddedSecrets[issuer.audience] }
        : issuer;
    const agencies = new AccessControlRepository(deps.database);
    const signIn = new SignInService(
      {
        publicUrl: settings.publicUrl,
        idleMinutes: settings.idleMinutes,
        issuers: { officer: withSecret(settings.officers), citizen: withSecret(settings.citizens) },
      },
      new PersonSessionRepository(deps.database),
      {
        nationalIds: deps.nationalIds,
        agencyExists: (id) => agencies.agencyExists(id),
      },
      log,
    );
    const provider = settings.embeddedProvider
      ? embeddedProvider({
          issuer: `${settings.publicUrl}${EMBEDDED_PROVIDER_PATH}`,
          callbackUrl: signIn.callbackUrl,
          accountsFile: settings.embeddedProvider.accountsFile,
          clientSecrets: embeddedSecrets,
          log: new Logger('embedded-oidc'),
        })
      : null;
    return {
      module: SessionsModule,
      controllers: [SessionsController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: deps.config },
        { provide: SignInService, useValue: signIn },
        { provide: EMBEDDED_PROVIDER, useValue: provider },
      ],
      exports: [SignInService, EMBEDDED_PROVIDER],
    };
  }
}
