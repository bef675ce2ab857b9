// Stewards' work on who may see what: the register of legal purposes and the
// grants. Every change is validated (errors name the field and the rule),
// written together with its audit entry — the change commits only once its
// entry is in the log — and announced so every gateway reloads its policy.
import { randomUUID } from 'node:crypto';
import { NAME_PATTERN, nameRule } from '#spean/contracts';
import type { AuditLog } from '#spean/audit';
import type { Database } from '#spean/persistence';
import { AccessControlException, AccessControlExceptionCode } from './access-control.exception.js';
import { AccessControlRepository, type Grant, type Purpose } from './access-control.repository.js';
import { ACCESS_CONTROL_CHANNEL } from './access-policy.js';
import { auditActor, type Principal } from './principal.js';

/** Who makes a change: a client, or an operator at the CLI. */
export type Actor = Pick<Principal, 'clientId' | 'agencyId' | 'person'>;

/** The sections grants may name, with the fields a grant may narrow them to (null: no narrowing). */
export type GrantableSections = ReadonlyMap<string, { fields: readonly string[] | null }>;

export interface NewPurpose {
  code: string;
  title: string;
  legalBasis: string;
  /** Why it is registered, kept in the audit entry (optional: the CLI and seeding give none). */
  reason?: string | null;
}

export interface NewGrantInput {
  agencyId: string;
  section: string;
  fields?: readonly string[] | null;
  purpose: string;
  /** Lookups under the grant must name the officer who asks (default: they need not). */
  requiresOfficer?: boolean | null;
  /** Default: now. */
  validFrom?: Date;
  validUntil: Date;
  reason: string;
}

/** Grants end: at most five years, then a steward decides again. */
const MAX_VALIDITY_MS = 5 * 366 * 24 * 3600 * 1000;

export class AccessControlService {
  private readonly repository: AccessControlRepository;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditLog,
    private readonly sections: GrantableSections,
    /** Called after every change, e.g. to reload this process's policy at once. */
    private readonly changed: () => Promise<void> = async () => undefined,
  ) {
    this.repository = new AccessControlRepository(database);
  }

  purposes(): Promise<Purpose[]> {
    return this.repository.purposes();
  }

  grants(filter: { agencyId?: string; includeEnded?: boolean } = {}): Promise<Grant[]> {
    return this.repository.grants(filter);
  }

  async registerPurpose(actor: Actor, input: NewPurpose): Promise<Purpose> {
    const code = input.code.trim();
    if (!NAME_PATTERN.test(code)) invalid('code', nameRule('code', 'social-assistance'));
    const title = text(input.title, 'title', 200);
    const legalBasis = text(input.legalBasis, 'legalBasis', 500);
    const why = optionalReason(input.reason);
    await this.change(async (repository) => {
      if (!(await repository.insertPurpose({ code, title, legalBasis, createdBy: actor.clientId })))
        throw new AccessControlException(
          AccessControlExceptionCode.CONFLICT,
          `purpose ${code} is already registered`,
          { field: 'code' },
        );
      return {
        kind: 'purpose-change',
        details: { action: 'registered', purpose: code, title, legalBasis, ...why },
      };
    }, actor);
    const purpose = (await this.repository.purposes()).find((p) => p.code === code);
    return purpose!;
  }

  /**
   * Marks a purpose as disclosed later: lookups under it reach the citizen's
   * access log `days` after they happen (at most `maxDays`, the gateway's
   * setting), on the legal basis given. Null days: disclosed at once again.
   */
  async setPurposeDisclosure(
    actor: Actor,
    input: {
      code: string;
      days: number | null;
      legalBasis: string | null;
      /** Why, kept in the audit entry (optional). */
      reason?: string | null;
    },
    maxDays: number,
  ): Promise<Purpose> {
    const { code, days } = input;
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > maxDays))
      invalid('discloseAfterDays', `discloseAfterDays must be a whole number from 1 to ${maxDays}`);
    const basis = days === null ? null : text(input.legalBasis ?? '', 'legalBasis', 500);
    if (basis !== null && /\p{Cc}/u.test(basis))
      invalid('legalBasis', 'legalBasis must not hold a control character');
    const why = optionalReason(input.reason);
    await this.change(async (repository) => {
      if (!(await repository.setDisclosure(code, days, basis)))
        notFound('code', `no purpose ${code} is in use`);
      const details: Record<string, string | number | null> =
        days === null
          ? { action: 'disclosure-immediate', purpose: code, ...why }
          : {
              action: 'disclosure-delayed',
              purpose: code,
              discloseAfterDays: days,
              legalBasis: basis,
              ...why,
            };
      return { kind: 'purpose-change', details };
    }, actor);
    return (await this.repository.purposes()).find((p) => p.code === code)!;
  }

  /** A retired purpose can no longer be stated, and the grants for it stop applying. */
  async retirePurpose(actor: Actor, code: string, reason: string): Promise<void> {
    const why = text(reason, 'reason', 500);
    await this.change(async (repository) => {
      if (!(await repository.retirePurpose(code))) notFound('code', `no purpose ${code} is in use`);
      return { kind: 'purpose-change', details: { action: 'retired', purpose: code, reason: why } };
    }, actor);
  }

  async grant(actor: Actor, input: NewGrantInput, now = new Date()): Promise<Grant> {
    const section = this.sections.get(input.section);
    if (!section) {
      invalid('section', `section must be one of ${[...this.sections.keys()].join(', ')}`);
    }
    let fields: string[] | null = null;
    if (input.fields && input.fields.length > 0) {
      if (!section!.fields)
        invalid('fields', `section ${input.section} cannot be narrowed to fields`);
      const unknown = input.fields.filter((field) => !section!.fields!.includes(field));
      if (unknown.length > 0) {
        invalid(
          'fields',
          `fields of ${input.section} are ${section!.fields!.join(', ')}; not ${unknown.join(', ')}`,
        );
      }
      fields = [...new Set(input.fields)].sort();
    }
    const validFrom = input.validFrom ?? now;
    if (Number.isNaN(validFrom.getTime())) invalid('validFrom', 'validFrom must be a date-time');
    if (Number.isNaN(input.validUntil.getTime()))
      invalid('validUntil', 'validUntil must be a date-time');
    if (input.validUntil <= validFrom || input.validUntil <= now)
      invalid('validUntil', 'validUntil must be later than validFrom and than now');
    if (input.validUntil.getTime() - validFrom.getTime() > MAX_VALIDITY_MS)
      invalid('validUntil', 'a grant may run for at most five years');
    const reason = text(input.reason, 'reason', 500);
    const purposes = await this.repository.purposes();
    const purpose = purposes.find((p) => p.code === input.purpose);
    if (!purpose || purpose.retiredAt)
      invalid('purpose', `purpose must be a registered purpose in use; ${input.purpose} is not`);
    if (!(await this.repository.agencyExists(input.agencyId)))
      invalid('agencyId', `agencyId names no registered agency: ${input.agencyId}`);

    let created: Grant | undefined;
    await this.change(async (repository) => {
      created = await repository.insertGrant({
        id: randomUUID(),
        agencyId: input.agencyId,
        section: input.section,
        fields,
        purpose: input.purpose,
        requiresOfficer: input.requiresOfficer === true,
        validFrom,
        validUntil: input.validUntil,
        grantedBy: actor.clientId,
        reason,
      });
      return {
        kind: 'grant-change',
        details: {
          action: 'granted',
          grant: created.id,
          agency: created.agencyId,
          section: created.section,
          fields: created.fields,
          purpose: created.purpose,
          requiresOfficer: created.requiresOfficer,
          validFrom: created.validFrom.toISOString(),
          validUntil: created.validUntil.toISOString(),
          reason,
        },
      };
    }, actor);
    return created!;
  }

  async revoke(actor: Actor, id: string, reason: string): Promise<Grant> {
    const why = text(reason, 'reason', 500);
    if (!/^[0-9a-f-]{36}$/i.test(id)) invalid('id', 'id must be a grant id (a UUID)');
    let revoked: Grant | undefined;
    await this.change(async (repository) => {
      revoked = await repository.revokeGrant(id, actor.clientId, why);
      if (!revoked) notFound('id', `no grant ${id} is in force`);
      return {
        kind: 'grant-change',
        details: {
          action: 'revoked',
          grant: id,
          agency: revoked!.agencyId,
          section: revoked!.section,
          purpose: revoked!.purpose,
          reason: why,
        },
      };
    }, actor);
    return revoked!;
  }

  /** The change and its audit entry: the change commits only after the entry has. */
  private async change(
    apply: (repository: AccessControlRepository) => Promise<{
      kind: 'grant-change' | 'purpose-change';
      details: Record<string, string | number | string[] | boolean | null>;
    }>,
    actor: Actor,
  ): Promise<void> {
    await this.database.transaction(async (tx) => {
      const repository = new AccessControlRepository(tx);
      const { kind, details } = await apply(repository);
      await this.audit.append({
        kind,
        ...auditActor(actor),
        details,
      });
      await repository.notify(ACCESS_CONTROL_CHANNEL);
    });
    await this.changed();
  }
}

function text(value: string, field: string, max: number): string {
  const trimmed = (value ?? '').normalize('NFC').trim();
  if (trimmed.length === 0 || trimmed.length > max)
    invalid(field, `${field} is required, at most ${max} characters`);
  return trimmed;
}

/** A reason that may be left out: when given, as strict as a required one. */
function optionalReason(reason: string | null | undefined): { reason?: string } {
  return reason === undefined || reason === null ? {} : { reason: text(reason, 'reason', 500) };
}

function invalid(field: string, message: string): never {
  throw new AccessControlException(AccessControlExceptionCode.INVALID_INPUT, message, { field });
}

function notFound(field: string, message: string): never {
  throw new AccessControlException(AccessControlExceptionCode.NOT_FOUND, message, { field });
}
