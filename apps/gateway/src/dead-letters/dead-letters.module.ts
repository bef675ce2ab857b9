// The gateway's dead letters: the store records that cannot be applied go to,
// the stewards' queries and replays over it, and the gauge that counts them.
import { Module } from '@nestjs/common';
import { AdapterRegistryService } from '#spean/adapter-registry';
import { DeadLetterRepository, DeadLetterService } from '#spean/dead-letters';
import { Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import type { AuditLog } from '#spean/audit';
import { AUDIT_LOG, DATABASE } from '../gateway.tokens.js';
import { DeadLetterReplayService } from './dead-letter-replay.service.js';
import { DeadLetterGauge } from './dead-letter-gauge.js';
import { DeadLettersResolver } from './dead-letters.resolver.js';

@Module({
  providers: [
    {
      provide: DeadLetterService,
      inject: [DATABASE, Metrics],
      useFactory: (database: Database, metrics: Metrics) =>
        new DeadLetterService(new DeadLetterRepository(database), metrics),
    },
    {
      provide: DeadLetterReplayService,
      inject: [DeadLetterService, AUDIT_LOG],
      useFactory: (deadLetters: DeadLetterService, audit: AuditLog) =>
        new DeadLetterReplayService(deadLetters, audit),
    },
    {
      provide: AdapterRegistryService,
      inject: [DATABASE, AUDIT_LOG],
      useFactory: (database: Database, audit: AuditLog) =>
        new AdapterRegistryService(database, audit),
    },
    DeadLettersResolver,
    DeadLetterGauge,
  ],
  exports: [DeadLetterService],
})
export class DeadLettersModule {}
