// The queries a console needs beside the lookups: each lives in its own
// feature module; this one only gathers them for the gateway.
import { Module, type DynamicModule } from '@nestjs/common';
import { ConsumerLagModule } from '../consumer-lag/consumer-lag.module.js';
import type { GatewayDependencies } from '../gateway.module.js';
import { GrantUsageModule } from '../grant-usage/grant-usage.module.js';
import { IntakeDryRunModule } from '../intake-dry-run/intake-dry-run.module.js';
import { SchemaDiffModule } from '../schema-diff/schema-diff.module.js';
import { SystemHealthModule } from '../system-health/system-health.module.js';

@Module({})
export class ConsoleQueriesModule {
  static register(deps: GatewayDependencies): DynamicModule {
    return {
      module: ConsoleQueriesModule,
      imports: [
        SchemaDiffModule.register(deps),
        IntakeDryRunModule.register(deps),
        ConsumerLagModule.register(deps),
        GrantUsageModule.register(deps),
        SystemHealthModule.register(deps),
      ],
    };
  }
}
