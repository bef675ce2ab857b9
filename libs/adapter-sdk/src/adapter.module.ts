// The Nest module every adapter app is built from: intake, health, metrics.
import { Module, type DynamicModule } from '@nestjs/common';
import { EVENT_BUS, type EventBus } from '#spean/bus';
import { Metrics, ObservabilityModule } from '#spean/observability';
import type { Database } from '#spean/persistence';
import type { RecordValidator } from '#spean/schema-registry';
import type { AdapterDefinition } from './adapter-definition.js';
import type { AdapterConfig } from './adapter.config.js';
import { IntakeService } from './intake/intake.service.js';
import { RecordsController } from './intake/records.controller.js';

export interface AdapterDependencies {
  definition: AdapterDefinition;
  config: AdapterConfig;
  database: Database;
  bus: EventBus;
  metrics: Metrics;
  validator: RecordValidator;
}

@Module({})
export class AdapterModule {
  static register(deps: AdapterDependencies): DynamicModule {
    return {
      module: AdapterModule,
      imports: [
        ObservabilityModule.register({
          metrics: deps.metrics,
          checks: { database: () => deps.database.isHealthy(), bus: () => deps.bus.isHealthy() },
        }),
      ],
      controllers: [RecordsController],
      providers: [
        { provide: EVENT_BUS, useValue: deps.bus },
        {
          provide: IntakeService,
          useFactory: () =>
            new IntakeService(
              deps.definition,
              deps.validator,
              deps.bus,
              deps.metrics,
              deps.config.maxRecordsPerRequest,
            ),
        },
      ],
    };
  }
}
