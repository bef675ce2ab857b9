// The read model: every canonical topic consumed into Postgres (the consumer
// and its service), and the repository the lookups and stewards read it through.
import { Module } from '@nestjs/common';
import { Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import type { LineageRecorder, RecordValidator } from '#spean/schema-registry';
import { DeadLettersModule } from '../dead-letters/dead-letters.module.js';
import { DATABASE, LINEAGE, RECORD_VALIDATOR } from '../gateway.tokens.js';
import { ReadModelConsumer } from './read-model.consumer.js';
import { ReadModelRepository } from './read-model.repository.js';
import { ReadModelService } from './read-model.service.js';

@Module({
  imports: [DeadLettersModule],
  providers: [
    {
      provide: ReadModelRepository,
      inject: [DATABASE],
      useFactory: (database: Database) => new ReadModelRepository(database),
    },
    {
      provide: ReadModelService,
      inject: [ReadModelRepository, RECORD_VALIDATOR, Metrics, LINEAGE],
      useFactory: (
        repository: ReadModelRepository,
        validator: RecordValidator,
        metrics: Metrics,
        lineage: LineageRecorder,
      ) => new ReadModelService(repository, validator, metrics, lineage),
    },
    ReadModelConsumer,
  ],
  exports: [ReadModelRepository],
})
export class ReadModelModule {}
