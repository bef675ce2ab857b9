// POST /v1/imports: one chunk of a CSV export, as parsed rows (see the CLI's import command).
import { Controller, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import type { AuthenticatedRequest } from '#spean/access';
import { IntakeHttpFilter } from '../intake/intake-http.filter.js';
import { requestBody } from '../intake/request-body.js';
import { ImportService, type ImportResult } from './import.service.js';

@Controller('v1/imports')
@UseFilters(IntakeHttpFilter)
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(200)
  importChunk(@Req() request: AuthenticatedRequest & { body?: unknown }): Promise<ImportResult> {
    return this.imports.importChunk(request.principal!, requestBody(request));
  }
}
