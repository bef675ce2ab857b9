// Citizens' questions about their access log, and the answers; see access-question.service.ts.
import { Module } from '@nestjs/common';
import type { AuditLog } from '#spean/audit';
import type { Database } from '#spean/persistence';
import { AccessLogRepository } from '../access-log/access-log.repository.js';
import { AUDIT_LOG, DATABASE } from '../gateway.tokens.js';
import { AccessQuestionRepository } from './access-question.repository.js';
import { AccessQuestionResolver } from './access-question.resolver.js';
import { AccessQuestionService } from './access-question.service.js';

@Module({
  providers: [
    {
      provide: AccessQuestionService,
      inject: [DATABASE, AUDIT_LOG],
      useFactory: (database: Database, audit: AuditLog) =>
        new AccessQuestionService(
          new AccessQuestionRepository(database),
          new AccessLogRepository(database),
          audit,
        ),
    },
    AccessQuestionResolver,
  ],
})
export class AccessQuestionModule {}
