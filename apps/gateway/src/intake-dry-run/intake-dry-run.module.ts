// dryRunIntake over GraphQL: the schema registry's validator and the adapter
// registry's approvals, read only; the audit log, appended to.
import { Module, type DynamicModule } from '@nestjs/common';
import { AdapterRegistryService } from '#spean/adapter-registry';
import type { AuditLog } from '#spean/audit';
import type { Database } from '#spean/persistence';
import type { RecordValidator, SchemaRegistryService } from '#spean/schema-registry';
import { IntakeDryRunResolver } from './intake-dry-run.resolver.js';
import { IntakeDryRunService } from './intake-dry-run.service.js';

export interface IntakeDryRunDependencies {
  database: Database;
  validator: RecordValidator;
  schemaRegistry: SchemaRegistryService;
  audit: AuditLog;
}

@Module({})
export class IntakeDryRunModule {
  static register(deps: IntakeDryRunDependencies): DynamicModule {
    return {
      module: IntakeDryRunModule,
      providers: [
        {
          provide: IntakeDryRunService,
          useFactory: () =>
            new IntakeDryRunService(
              deps.validator,
              deps.schemaRegistry,
              new AdapterRegistryService(deps.database, deps.audit),
              deps.audit,
            ),
        },
        IntakeDryRunResolver,
      ],
    };
  }
}
