// Registered adapters as stewards manage them: registration, signing keys,
// the directory of what each consumes, and the dead letters they leave.
import { Logger, Module } from '@nestjs/common';
import {
  AdapterDirectory,
  AdapterKeyService,
  AdapterRegistryService,
} from '#spean/adapter-registry';
import type { AuditLog } from '#spean/audit';
import { EVENT_BUS, type EventBus } from '#spean/bus';
import { DeadLetterRepository } from '#spean/dead-letters';
import type { Database } from '#spean/persistence';
import { DeadLettersModule } from '../dead-letters/dead-letters.module.js';
import { AUDIT_LOG, DATABASE } from '../gateway.tokens.js';
import { AdaptersResolver } from './adapters.resolver.js';

@Module({
  imports: [DeadLettersModule],
  providers: [
    {
      provide: AdapterRegistryService,
      inject: [DATABASE, AUDIT_LOG],
      useFactory: (database: Database, audit: AuditLog) =>
        new AdapterRegistryService(database, audit),
    },
    {
      provide: AdapterDirectory,
      inject: [AdapterRegistryService, EVENT_BUS, DATABASE],
      useFactory: (registry: AdapterRegistryService, bus: EventBus, database: Database) =>
        new AdapterDirectory(
          registry,
          bus,
          new DeadLetterRepository(database),
          new Logger('adapter-directory'),
        ),
    },
    {
      provide: AdapterKeyService,
      inject: [DATABASE, AUDIT_LOG],
      useFactory: (database: Database, audit: AuditLog) => new AdapterKeyService(database, audit),
    },
    AdaptersResolver,
  ],
})
export class AdaptersModule {}
