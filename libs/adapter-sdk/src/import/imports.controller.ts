// POST /v1/imports: one chunk of a CSV export, as parsed rows (see the CLI's import command).
// POST /v1/imports/dry-run: the same checks, row by row; nothing is published or kept.
import { Controller, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import type { AuthenticatedRequest } from '#spean/access';
import { IntakeHttpFilter } from '../intake/intake-http.filter.js';
import { requestBody } from '../intake/request-body.js';
import { ImportService, type ImportDryRun, type ImportResult } from './import.service.js';

@Controller('v1/imports')
@UseFilters(IntakeHttpFilter)
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(200)
  importChunk(@Req() request: AuthenticatedRequest & { body?: unknown }): Promise<ImportResult> {
    return this.imports.importChunk(request.principal!, requestBody(request));
  }

  @Post('dry-run')
  @HttpCode(200)
  dryRun(@Req() request: AuthenticatedRequest & { body?: unknown }): Promise<ImportDryRun> {
    return this.imports.dryRunChunk(request.principal!, requestBody(request));
  }
}
