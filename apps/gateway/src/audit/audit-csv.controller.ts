// GET /v1/audit/entries.csv: the explorer's entries as CSV, for auditors'
// spreadsheets — the same filter as auditEntries, as query parameters (kinds
// and outcomes comma-separated or repeated), streamed a page at a time. Cells
// a spreadsheet would run as a formula (=, +, -, @, tab, carriage return
// first) are written with a leading apostrophe, so an agency's case reference
// cannot become a formula on an auditor's machine. Also GET
// /v1/audit/checkpoint-key.pem: the checkpoints' public key as a file.
import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { stringify } from 'csv-stringify';
import type { AuthenticatedRequest } from '#spean/access';
import { refuseAuditInput } from './audit-explorer.exception.js';
import { AuditExplorerService } from './audit-explorer.service.js';
import type { AuditFilterInput } from './audit-filter.js';
import { AuditHttpFilter } from './audit-http.filter.js';

const COLUMNS = [
  'seq',
  'at',
  'kind',
  'outcome',
  'agency',
  'client',
  'person',
  'person_issuer',
  'subject',
  'purpose',
  'reference',
  'details',
];

@Controller('v1/audit')
@UseFilters(AuditHttpFilter)
export class AuditCsvController {
  constructor(private readonly explorer: AuditExplorerService) {}

  /**
   * The public key that checks the checkpoints' signatures, as a file for
   * `spean audit verify --public-key`. A public key: any authenticated caller.
   */
  @Get('checkpoint-key.pem')
  checkpointKey(@Res() response: Response): void {
    const pem = this.explorer.publicKeyPem();
    if (pem === null) {
      response
        .status(404)
        .json({ error: 'NO_CHECKPOINT_KEY', message: 'this gateway signs no checkpoints' });
      return;
    }
    response.status(200).type('application/x-pem-file');
    response.setHeader('content-disposition', 'attachment; filename="audit-checkpoint-key.pem"');
    response.send(pem);
  }

  @Get('entries.csv')
  async entries(
    @Req() request: Request & AuthenticatedRequest,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const pages = await this.explorer.export(request.principal!, filterOf(query));
    response.status(200).type('text/csv; charset=utf-8');
    response.setHeader('content-disposition', 'attachment; filename="audit-entries.csv"');
    const csv = stringify({ header: true, columns: COLUMNS, escape_formulas: true });
    csv.pipe(response);
    try {
      for await (const page of pages) {
        for (const entry of page) {
          const reference = entry.details.reference;
          const row = [
            entry.seq,
            entry.at.toISOString(),
            entry.kind,
            entry.outcome,
            entry.actorAgency,
            entry.actorClient,
            entry.actorPerson?.name ?? '',
            entry.actorPerson ? `${entry.actorPerson.issuer} ${entry.actorPerson.subject}` : '',
            entry.subjectId ?? '',
            entry.purpose ?? '',
            typeof reference === 'string' ? reference : '',
            JSON.stringify(entry.details),
          ];
          if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
        }
      }
      csv.end();
    } catch (error) {
      // Headers are gone: cut the body short so the client sees an incomplete download.
      csv.destroy();
      response.destroy(error as Error);
    }
  }
}

/** Query parameters as the filter: one text each, lists comma-separated or repeated. */
function filterOf(query: Record<string, unknown>): AuditFilterInput {
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      refuseAuditInput(name, 'type', `${name} must be given once, as text`);
    return value as string;
  };
  const list = (name: string): string[] | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    const items = Array.isArray(value) ? value : [value];
    if (!items.every((item): item is string => typeof item === 'string'))
      refuseAuditInput(name, 'type', `${name} must be text, comma-separated or repeated`);
    return (items as string[]).flatMap((item) => item.split(',')).filter((item) => item !== '');
  };
  return {
    from: text('from'),
    to: text('to'),
    agencyId: text('agencyId'),
    clientId: text('clientId'),
    personName: text('personName'),
    nationalId: text('nationalId'),
    kinds: list('kinds'),
    outcomes: list('outcomes'),
  };
}
