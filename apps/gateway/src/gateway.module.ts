// The gateway: the shared values main.ts prepares (database, bus, keys …) in
// one global core module, and one feature module per job. Tests assemble
// exactly this module on a test database. A new feature is one more entry in
// GATEWAY_FEATURES; it injects what it needs from the core by token.
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { AccessModule } from './access/access.module.js';
import { AccessQuestionModule } from './access-question/access-question.module.js';
import { AdaptersModule } from './adapters/adapters.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CitizenModule } from './citizen/citizen.module.js';
import { ConsoleQueriesModule } from './console-queries/console-queries.module.js';
import { DisclosureModule } from './disclosure/disclosure.module.js';
import { GatewayCoreModule, type GatewayDependencies } from './core/gateway-core.module.js';
import { HardeningModule } from './hardening/hardening.module.js';
import { PreviewModule } from './preview/preview.module.js';
import { SchemasModule } from './schemas/schemas.module.js';
import { SessionsModule } from './sessions/sessions.module.js';

export type { GatewayDependencies } from './core/gateway-core.module.js';

/** The gateway's feature modules, in no particular order. */
export const GATEWAY_FEATURES: readonly Type[] = [
  HardeningModule,
  CitizenModule,
  AccessModule,
  SchemasModule,
  AdaptersModule,
  AuditModule,
  PreviewModule,
  DisclosureModule,
  AccessQuestionModule,
];

@Module({})
export class GatewayModule {
  static register(deps: GatewayDependencies): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        GatewayCoreModule.register(deps),
        ...GATEWAY_FEATURES,
        // Built from the dependencies before Nest starts (sign-in clients, the console's queries).
        SessionsModule.register(deps),
        ConsoleQueriesModule.register(deps),
      ],
    };
  }
}
