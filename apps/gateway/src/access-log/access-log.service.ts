// accessLog(nationalId): for the citizen, authenticated as that citizen, and
// for auditors. An auditor's reading is itself audited, and the citizen sees
// it; so is a refused attempt by anyone else.
import { auditActor, CITIZEN_AGENCY, type Principal } from '#spean/access';
import type { AuditLog } from '#spean/audit';
import { CitizenException, CitizenExceptionCode } from '../citizen/citizen.exception.js';
import type { CitizenAccess } from '../citizen/citizen-access.js';
import { AccessQuestionModel } from '../access-question/models/access-question.model.js';
import { decodeSeqCursor, encodeSeqCursor } from '../common/seq-cursor.js';
import type { AccessLogRepository } from './access-log.repository.js';
import type { AccessLogEntryModel, AccessLogPageModel } from './models/access-log.model.js';

const MAX_PAGE = 100;

export class AccessLogService {
  constructor(
    private readonly entries: AccessLogRepository,
    private readonly citizens: CitizenAccess,
    private readonly audit: AuditLog,
  ) {}

  async read(
    principal: Principal,
    nationalIdInput: string,
    first: number,
    after: string | null | undefined,
  ): Promise<AccessLogPageModel> {
    const nationalId = this.citizens.checkNationalId(nationalIdInput);
    // A refused attempt is audited before the refusal leaves: the citizen whose
    // log it was sees it, and auditors do.
    const refuse = async (reason: string, message: string): Promise<never> => {
      await this.audit.append({
        kind: 'access-log-read',
        ...auditActor(principal),
        subjectId: nationalId,
        details: { outcome: 'refused', reason },
      });
      throw new CitizenException(CitizenExceptionCode.NOT_PERMITTED, message);
    };
    if (principal.role === 'citizen') {
      if (principal.nationalId !== nationalId) {
        await refuse(
          'not-own-record',
          'a citizen may read the access log of their own record only',
        );
      }
    } else if (principal.role !== 'auditor') {
      await refuse(
        'role-may-not-read',
        `the access log is for the citizen and for auditors; this client is a ${principal.role}`,
      );
    }
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw new CitizenException(
        CitizenExceptionCode.INVALID_INPUT,
        `first must be a whole number from 1 to ${MAX_PAGE}`,
        { field: 'first', rule: 'maximum' },
      );
    }
    const before = after ? decodeCursor(after) : null;
    if (principal.role === 'auditor') {
      await this.audit.append({
        kind: 'access-log-read',
        ...auditActor(principal),
        subjectId: nationalId,
        details: { outcome: 'found' },
      });
    }
    // Auditors see entries under a purpose disclosed later at once; the citizen once the date has passed.
    const disclosedBy = principal.role === 'auditor' ? null : new Date();
    const rows = await this.entries.page(nationalId, before, first + 1, disclosedBy);
    const page = rows.slice(0, first);
    return {
      entries: page.map(accessLogEntryModel),
      nextCursor: rows.length > first ? encodeSeqCursor(page[page.length - 1]!.seq) : null,
    };
  }
}

/** One entry of a citizen's log as GraphQL shows it (also on a citizen's question: AccessQuestion.entry). */
export function accessLogEntryModel(
  entry: Awaited<ReturnType<AccessLogRepository['page']>>[number],
): AccessLogEntryModel {
  const details = entry.details;
  const byCitizen = entry.clientRole === 'citizen' || entry.agencyId === CITIZEN_AGENCY.id;
  const list = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  return {
    entryId: String(entry.seq),
    question: entry.question && AccessQuestionModel.from(entry.question),
    at: entry.at,
    kind: entry.kind,
    outcome: typeof details.outcome === 'string' ? details.outcome : 'found',
    agencyId: entry.agencyId,
    agencyName: entry.agencyName,
    // Another citizen's attempt is shown without naming them (their client's name may be theirs).
    clientName: byCitizen ? null : entry.clientName,
    // The officer by name: "officer X at agency Y". A citizen is not named to another.
    person:
      entry.person && !byCitizen
        ? { name: entry.person.name, statedBy: entry.person.statedBy }
        : null,
    previewOf: typeof details.previewOf === 'string' ? details.previewOf : null,
    discloseAfter:
      typeof details.discloseAfter === 'string' ? new Date(details.discloseAfter) : null,
    purpose: entry.purpose,
    purposeTitle: entry.purposeTitle,
    reference: typeof details.reference === 'string' ? details.reference : null,
    sectionsReturned:
      entry.kind === 'verification' ? list(details.claimsChecked) : list(details.sectionsReturned),
    sectionsDenied:
      entry.kind === 'verification' ? list(details.claimsDenied) : list(details.sectionsDenied),
    claimsFailed: list(details.claimsFailed),
    claimsLocked: list(details.claimsLocked),
  };
}

function decodeCursor(cursor: string): number {
  const seq = decodeSeqCursor(cursor);
  if (seq === null) {
    throw new CitizenException(
      CitizenExceptionCode.INVALID_INPUT,
      'after must be a nextCursor from an earlier page',
      { field: 'after', rule: 'cursor' },
    );
  }
  return seq;
}
