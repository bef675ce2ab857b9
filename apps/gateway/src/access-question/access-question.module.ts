// Citizens' questions about their access log, and the answers; see access-question.service.ts.
import { Module, type DynamicModule } from '@nestjs/common';
import { AccessLogRepository } from '../access-log/access-log.repository.js';
import type { GatewayDependencies } from '../gateway.module.js';
import { AccessQuestionRepository } from './access-question.repository.js';
import { AccessQuestionResolver } from './access-question.resolver.js';
import { AccessQuestionService } from './access-question.service.js';

@Module({})
export class AccessQuestionModule {
  static register(deps: GatewayDependencies): DynamicModule {
    return {
      module: AccessQuestionModule,
      providers: [
        {
          provide: AccessQuestionService,
          useFactory: () =>
            new AccessQuestionService(
              new AccessQuestionRepository(deps.database),
              new AccessLogRepository(deps.database),
              deps.audit,
            ),
        },
        AccessQuestionResolver,
      ],
    };
  }
}
