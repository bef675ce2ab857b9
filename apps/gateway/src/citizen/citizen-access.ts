// The checks every request about a citizen passes (a valid national id, an
// agency client, a registered purpose, a grant that serves the request), and
// the audit entry each leaves. Shared by the lookup, verification, the access
// log, the verification locks and a steward's preview of a lookup (preview/).
// A preview runs the lookup with another agency's grants: `viewer` is that
// agency, whose grants decide and whose pseudonyms are shown, while the entry
// names the steward who asked, as kind lookup-preview.
import {
  auditActor,
  type AccessPolicy,
  type Principal,
  type Pseudonymizer,
  type SectionAccess,
} from '#spean/access';
import type { AuditLog, JsonValue } from '#spean/audit';
import { checkTypedNationalId, type NationalIdScheme } from '#spean/contracts';
import type { Metrics } from '#spean/observability';
import { CitizenException, CitizenExceptionCode } from './citizen.exception.js';
import { checkReference } from './reference.js';

export type CitizenRequestKind = 'lookup' | 'verification' | 'lookup-preview';

/** A steward's preview: the agency whose desk's view is shown. */
export interface PreviewOf {
  agencyId: string;
}

export interface Authorised {
  nationalId: string;
  purpose: string;
  reference: string | null;
  sections: ReadonlyMap<string, SectionAccess>;
}

export class CitizenAccess {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly audit: AuditLog,
    private readonly pseudonyms: Pseudonymizer,
    private readonly nationalIds: NationalIdScheme,
    private readonly metrics: Metrics,
  ) {}

  checkNationalId(input: string): string {
    const { id, check } = checkTypedNationalId(this.nationalIds, input);
    if (!check.valid) {
      this.metrics.lookups.inc({ outcome: 'invalid_id' });
      throw new CitizenException(
        CitizenExceptionCode.INVALID_NATIONAL_ID,
        `nationalId ${check.message}`,
        { field: 'nationalId', rule: check.rule },
      );
    }
    return id;
  }

  /**
   * The checks every request about a citizen passes, in order: a valid id, an
   * agency client, a registered purpose, and at least one grant for that
   * purpose that serves this kind of request. Refusals after the id
   * is known are audited, so the citizen sees attempts too.
   */
  async authorise(
    kind: CitizenRequestKind,
    principal: Principal,
    nationalIdInput: string,
    purposeInput: string,
    referenceInput: string | null | undefined,
    serves: (granted: ReadonlyMap<string, SectionAccess>) => boolean,
    previewOf?: PreviewOf,
  ): Promise<Authorised> {
    const nationalId = this.checkNationalId(nationalIdInput);
    const purpose = purposeInput.normalize('NFC').trim();
    const reference = checkReference(referenceInput);
    const decision = this.policy.decide(previewOf?.agencyId ?? principal.agencyId, purpose);
    const refuse = async (
      code: CitizenExceptionCode,
      reason: string,
      message: string,
    ): Promise<never> => {
      // Free text that names no registered purpose is not kept.
      await this.record(kind, principal, nationalId, decision.purposeRegistered ? purpose : null, {
        outcome: 'refused',
        reason,
        ...(reference ? { reference } : {}),
        ...(previewOf ? { previewOf: previewOf.agencyId } : {}),
      });
      this.metrics.lookups.inc({ outcome: 'refused' });
      throw new CitizenException(code, message, {
        ...(code === CitizenExceptionCode.NOT_PERMITTED
          ? {}
          : code === CitizenExceptionCode.OFFICER_REQUIRED
            ? { header: 'X-Spean-Officer', rule: 'officer-required' }
            : { field: 'purpose' }),
      });
    };
    if (previewOf && principal.role !== 'steward') {
      return refuse(
        CitizenExceptionCode.NOT_PERMITTED,
        'role-may-not-preview',
        `a ${principal.role} client may not preview an agency's lookup; only stewards may`,
      );
    }
    if (!previewOf && principal.role !== 'agency') {
      return refuse(
        CitizenExceptionCode.NOT_PERMITTED,
        'role-may-not-look-up',
        `a ${principal.role} client may not ${kind === 'lookup' ? 'look citizens up' : 'verify claims'}; only agency clients may`,
      );
    }
    if (!decision.purposeRegistered) {
      return refuse(
        CitizenExceptionCode.INVALID_PURPOSE,
        'unregistered-purpose',
        'purpose must be the code of a registered legal purpose (see the purposes query), e.g. business-registration',
      );
    }
    if (!serves(decision.sections)) {
      return refuse(
        CitizenExceptionCode.NO_GRANT_FOR_PURPOSE,
        'no-grant-for-purpose',
        previewOf
          ? `the agency ${previewOf.agencyId} holds no grant to look citizens up for the purpose ${purpose}`
          : kind === 'lookup'
            ? `your agency holds no grant to look citizens up for the purpose ${purpose}`
            : `your agency holds no grant to verify claims for the purpose ${purpose}`,
      );
    }
    if (decision.officerRequired && !principal.person) {
      return refuse(
        CitizenExceptionCode.OFFICER_REQUIRED,
        'officer-required',
        `your agency's grant for the purpose ${purpose} requires the officer who asks: ` +
          'sign in as the officer, or send X-Spean-Officer: <staff id>;<name>',
      );
    }
    return { nationalId, purpose, reference, sections: decision.sections };
  }

  async record(
    kind: CitizenRequestKind | 'related-party-disclosure',
    principal: Principal,
    subjectId: string,
    purpose: string | null,
    details: { [key: string]: JsonValue },
  ): Promise<void> {
    // Under a purpose disclosed later, the entry says from when the citizen may see it.
    const discloseAfter = purpose ? this.policy.discloseAfter(purpose) : null;
    await this.audit.append({
      kind,
      ...auditActor(principal),
      subjectId,
      purpose,
      details: discloseAfter ? { ...details, discloseAfter: discloseAfter.toISOString() } : details,
    });
  }

  /** The national id as this agency may see it: itself when granted, else the agency's pseudonym. */
  shownId(agencyId: string, nationalId: string, disclosed: boolean): string {
    return disclosed ? nationalId : this.pseudonyms.pseudonym(agencyId, nationalId);
  }
}
