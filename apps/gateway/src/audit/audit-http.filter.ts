// The CSV export's refusals as HTTP answers, with the codes GraphQL gives:
// 400 BAD_USER_INPUT naming the field and the rule, 403 FORBIDDEN for a role
// that may not read the audit log. (A missing or invalid token is 401 before
// the handler runs: see bearer authentication in gateway.app.ts.)
import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AccessDeniedException } from '#spean/access';
import { AuditExplorerException } from './audit-explorer.exception.js';

@Catch(AuditExplorerException, AccessDeniedException)
export class AuditHttpFilter implements ExceptionFilter {
  catch(exception: AuditExplorerException | AccessDeniedException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof AuditExplorerException) {
      response.status(400).json({
        code: 'BAD_USER_INPUT',
        reason: exception.code,
        message: exception.message,
        ...exception.details,
      });
      return;
    }
    response.status(403).json({ code: 'FORBIDDEN', message: exception.message });
  }
}
