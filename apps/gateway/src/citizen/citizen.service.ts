// One lookup of one citizen: check the id and the purpose, decide which
// sections the caller may see, read them all in one query, log the access,
// then answer. Nothing about the citizen leaves before the log entry is written.
import type { Principal } from '#spean/access';
import { checkTypedNationalId, type NationalIdScheme } from '#spean/contracts';
import type { Metrics } from '#spean/observability';
import type { ReadModelRepository } from '../read-model/read-model.repository.js';
import type { AccessLogRepository } from './access-log.repository.js';
import { CitizenException, CitizenExceptionCode } from './citizen.exception.js';
import { CITIZEN_SECTIONS, type CitizenSection } from './citizen.sections.js';

export interface CitizenView {
  nationalId: string;
  /** Section name → payload(s); absent when the citizen has none. */
  sections: Map<string, unknown>;
  /** Sections asked for that the caller may not see. */
  denied: Set<string>;
}

const MAX_PURPOSE_LENGTH = 200;

export class CitizenService {
  constructor(
    private readonly records: ReadModelRepository,
    private readonly accessLog: AccessLogRepository,
    private readonly nationalIds: NationalIdScheme,
    private readonly metrics: Metrics,
  ) {}

  async lookup(
    principal: Principal,
    nationalIdInput: string,
    purposeInput: string,
    requested: readonly string[],
  ): Promise<CitizenView | null> {
    const nationalId = this.checkNationalId(nationalIdInput);
    const purpose = purposeInput.normalize('NFC').trim();
    if (purpose.length === 0 || purpose.length > MAX_PURPOSE_LENGTH) {
      throw new CitizenException(
        CitizenExceptionCode.INVALID_PURPOSE,
        `purpose must state why the record is looked up, in 1 to ${MAX_PURPOSE_LENGTH} characters`,
      );
    }
    if (principal.role !== 'agency') {
      throw new CitizenException(
        CitizenExceptionCode.NOT_PERMITTED,
        `a ${principal.role} client may not look citizens up; only agency clients may`,
      );
    }
    const asked = CITIZEN_SECTIONS.filter((section) => requested.includes(section.name));
    const { allowed, denied } = this.decide(principal, purpose, asked);

    const stored = await this.records.sectionsOf(
      nationalId,
      allowed.map((section) => section.recordType),
      allowed.filter((section) => section.match === 'any').map((section) => section.recordType),
    );
    const sections = new Map<string, unknown>();
    for (const section of allowed) {
      const payloads = stored
        .filter((row) => row.recordType === section.recordType)
        .map((row) => row.payload);
      if (payloads.length > 0) sections.set(section.name, section.many ? payloads : payloads[0]);
      else if (section.many) sections.set(section.name, []);
    }
    // Only on the not-found path: a citizen with nothing in the sections read may still exist.
    const known = stored.length > 0 || (await this.records.isKnown(nationalId));

    await this.accessLog.append({
      clientId: principal.clientId,
      agencyId: principal.agencyId,
      subjectId: nationalId,
      purpose,
      sectionsReturned: known ? [...sections.keys()] : [],
      sectionsDenied: denied.map((section) => section.name),
    });
    this.metrics.lookups.inc({ outcome: known ? 'found' : 'not_found' });
    if (!known) return null;
    return { nationalId, sections, denied: new Set(denied.map((section) => section.name)) };
  }

  checkNationalId(input: string): string {
    const { id, check } = checkTypedNationalId(this.nationalIds, input);
    if (!check.valid) {
      this.metrics.lookups.inc({ outcome: 'invalid_id' });
      throw new CitizenException(
        CitizenExceptionCode.INVALID_NATIONAL_ID,
        `nationalId ${check.message}`,
        {
          field: 'nationalId',
          rule: check.rule,
        },
      );
    }
    return id;
  }

  /**
   * Which asked-for sections this caller may see for this purpose. Every
   * agency client sees every section until grants arrive; the shape of the
   * decision (allowed and denied, per purpose) is what grants will fill in.
   */
  private decide(
    _principal: Principal,
    _purpose: string,
    asked: CitizenSection[],
  ): { allowed: CitizenSection[]; denied: CitizenSection[] } {
    return { allowed: asked, denied: [] };
  }
}
