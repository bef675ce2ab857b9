// POST /v1/imports: one chunk of a CSV export, as parsed rows (see the CLI's import command).
import { Body, Controller, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import type { AuthenticatedRequest } from '#spean/access';
import { IntakeHttpFilter } from '../intake/intake-http.filter.js';
import { ImportService, type ImportChunk, type ImportResult } from './import.service.js';

@Controller('v1/imports')
@UseFilters(IntakeHttpFilter)
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(200)
  importChunk(
    @Req() request: AuthenticatedRequest,
    @Body() chunk: ImportChunk,
  ): Promise<ImportResult> {
    return this.imports.importChunk(request.principal!, chunk);
  }
}
