// POST /v1/records: one canonical record or an array of them.
// POST /v1/records/dry-run: the same checks; nothing is published or kept.
import { Controller, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import type { AuthenticatedRequest } from '#spean/access';
import { IntakeHttpFilter } from './intake-http.filter.js';
import { IntakeService, type IntakeDryRun, type IntakeResult } from './intake.service.js';
import { requestBody } from './request-body.js';

@Controller('v1/records')
@UseFilters(IntakeHttpFilter)
export class RecordsController {
  constructor(private readonly intake: IntakeService) {}

  @Post()
  @HttpCode(202)
  publish(@Req() request: AuthenticatedRequest & { body?: unknown }): Promise<IntakeResult> {
    return this.intake.accept(request.principal!, requestBody(request));
  }

  @Post('dry-run')
  @HttpCode(200)
  dryRun(@Req() request: AuthenticatedRequest & { body?: unknown }): Promise<IntakeDryRun> {
    return this.intake.dryRun(request.principal!, requestBody(request));
  }
}
