// One lookup or verification about one citizen: check the id and the purpose,
// decide from the grants what the calling agency may see for that purpose,
// read it all in one query, write the audit entry, then answer. Nothing about
// the citizen leaves before its audit entry is committed, and a refusal is
// audited too — the citizen sees attempts as well as accesses.
import { randomUUID } from 'node:crypto';
import type { AccessPolicy, Principal, Pseudonymizer, SectionAccess } from '#spean/access';
import type { AuditLog, JsonValue } from '#spean/audit';
import { checkTypedNationalId, type NationalIdScheme } from '#spean/contracts';
import type { Metrics } from '#spean/observability';
import type { ReadModelRepository } from '../read-model/read-model.repository.js';
import { CitizenException, CitizenExceptionCode } from './citizen.exception.js';
import {
  CITIZEN_SECTIONS,
  type CitizenSection,
  NATIONAL_ID_GRANT,
  VERIFICATION_CLAIMS,
  VERIFICATION_GRANT,
  type VerificationClaim,
} from '#spean/access';
import { narrowTo, type Selection } from './granted-fields.js';
import { checkReference } from './reference.js';
import { partiesIn } from './related-parties.js';
import type { VerificationLockRepository } from '../verification-lock/verification-lock.repository.js';
import { Turns } from '../verification-lock/turns.js';

export interface CitizenView {
  /** The national id, or the agency's pseudonym for it when not granted the id itself. */
  nationalId: string;
  /** Section name → payload(s); absent when the citizen has none. */
  sections: Map<string, unknown>;
  /** Sections asked for that leave as a refusal instead of data, and why. */
  refused: Map<string, SectionRefusal>;
}

/**
 * Why a section is withheld: no grant for it at all, or fields asked for that
 * the grant does not open (then none of the section leaves).
 */
export type SectionRefusal =
  | { reason: 'section' }
  | { reason: 'fields'; withheld: readonly string[]; granted: readonly string[] };

/** What a lookup asks for: section → the fields selected in it, at every depth. */
export type SectionSelection = ReadonlyMap<string, Selection>;

export interface NameClaim {
  familyName: string;
  givenName: string;
}

export interface CitizenClaims {
  name?: NameClaim | null;
  dateOfBirth?: string | null;
  alive?: boolean | null;
  idCardNumber?: string | null;
}

export interface VerificationView {
  nationalId: string;
  known: boolean;
  /** Claim → whether it holds; only for claims asked and granted. */
  results: Map<VerificationClaim, boolean>;
  /** Claims asked that the caller may not check. */
  denied: Set<VerificationClaim>;
  /** Claims refused because too many wrong ones of their kind were made; whether they hold is not told. */
  locked: Set<VerificationClaim>;
}

interface Authorised {
  nationalId: string;
  purpose: string;
  reference: string | null;
  sections: ReadonlyMap<string, SectionAccess>;
}

export class CitizenService {
  constructor(
    private readonly records: ReadModelRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditLog,
    private readonly pseudonyms: Pseudonymizer,
    private readonly nationalIds: NationalIdScheme,
    private readonly metrics: Metrics,
    private readonly locks: VerificationLockRepository,
  ) {}

  private readonly turns = new Turns();

  async lookup(
    principal: Principal,
    nationalIdInput: string,
    purposeInput: string,
    requested: SectionSelection,
    referenceInput?: string | null,
  ): Promise<CitizenView | null> {
    const { nationalId, purpose, reference, sections } = await this.authorise(
      'lookup',
      principal,
      nationalIdInput,
      purposeInput,
      referenceInput,
      (granted) => [...granted.keys()].some((name) => name !== VERIFICATION_GRANT),
    );
    // Decided here, once: what is refused is not read, and the audit entry and
    // the answer are both written from this decision.
    const refused = new Map<string, SectionRefusal>();
    const allowed: CitizenSection[] = [];
    for (const section of CITIZEN_SECTIONS) {
      const selected = requested.get(section.name);
      if (!selected) continue;
      const access = sections.get(section.name);
      if (!access) {
        refused.set(section.name, { reason: 'section' });
        continue;
      }
      if (access !== 'all') {
        const withheld = [...selected.keys()]
          .filter((field) => !access.has(field) && field !== '__typename')
          .sort();
        if (withheld.length > 0) {
          refused.set(section.name, { reason: 'fields', withheld, granted: [...access].sort() });
          continue;
        }
      }
      allowed.push(section);
    }
    const disclosed = sections.has(NATIONAL_ID_GRANT);

    const stored = await this.records.sectionsOf(
      nationalId,
      allowed.map((section) => section.recordType),
      allowed.filter((section) => section.match === 'any').map((section) => section.recordType),
    );
    const view = new Map<string, unknown>();
    // Other citizens whose entries leave in this answer (a spouse, a parent, a
    // co-owner, a director) → the sections they leave in.
    const related = new Map<string, string[]>();
    for (const section of allowed) {
      const access = sections.get(section.name)!;
      const rows = stored.filter((row) => row.recordType === section.recordType);
      for (const row of rows) {
        for (const party of partiesIn(row.payload, requested.get(section.name)!)) {
          if (party === nationalId) continue;
          const inSections = related.get(party) ?? [];
          if (!inSections.includes(section.name)) inSections.push(section.name);
          related.set(party, inSections);
        }
      }
      const payloads = rows.map((row) =>
        this.shape(row.payload, access, disclosed ? undefined : principal.agencyId),
      );
      if (payloads.length > 0) view.set(section.name, section.many ? payloads : payloads[0]);
      else if (section.many) view.set(section.name, []);
    }
    // Only on the not-found path: a citizen with nothing in the sections read may still exist.
    const known = stored.length > 0 || (await this.records.isKnown(nationalId));

    // Of a section narrowed to fields, the fields that left: those selected (all within the grant).
    const fieldsReturned: Record<string, string[]> = {};
    for (const section of allowed) {
      if (sections.get(section.name) === 'all') continue;
      fieldsReturned[section.name] = [...requested.get(section.name)!.keys()]
        .filter((field) => field !== '__typename')
        .sort();
    }
    const fieldsDenied: Record<string, string[]> = {};
    for (const [name, refusal] of refused) {
      if (refusal.reason === 'fields') fieldsDenied[name] = [...refusal.withheld];
    }
    // One entry for the lookup and one for each related party, linked by an id
    // of the lookup; a related party's entry does not name the citizen looked
    // up, nor the agency's case reference (the case is not theirs).
    const lookupId = related.size > 0 ? randomUUID() : undefined;
    const lookupEntry = this.record('lookup', principal, nationalId, purpose, {
      ...(lookupId ? { lookupId, relatedParties: related.size } : {}),
      outcome: known ? 'found' : 'not-found',
      sectionsReturned: known ? allowed.map((section) => section.name) : [],
      sectionsDenied: [...refused.keys()],
      ...(known && Object.keys(fieldsReturned).length > 0 ? { fieldsReturned } : {}),
      ...(Object.keys(fieldsDenied).length > 0 ? { fieldsDenied } : {}),
      nationalId: disclosed ? 'disclosed' : 'pseudonym',
      ...(reference ? { reference } : {}),
    });
    const relatedEntries = [...related].map(([party, inSections]) =>
      this.record('related-party-disclosure', principal, party, purpose, {
        outcome: 'found',
        sectionsReturned: inSections,
        nationalId: disclosed ? 'disclosed' : 'pseudonym',
        lookupId: lookupId!,
      }),
    );
    // Queued together, so they commit in one batch of the audit log.
    await Promise.all([lookupEntry, ...relatedEntries]);
    this.metrics.lookups.inc({ outcome: known ? 'found' : 'not_found' });
    if (!known) return null;
    return {
      nationalId: disclosed
        ? nationalId
        : this.pseudonyms.pseudonym(principal.agencyId, nationalId),
      sections: view,
      refused,
    };
  }

  /**
   * Yes or no to each claim, from the civil register's person record; the data
   * itself never leaves. Wrong claims are counted (see verification-lock/):
   * past the limits, claims of that kind are refused, right or wrong. The
   * verifications of one citizen take turns in this process, in the order
   * asked, so the claims of one request count one by one.
   */
  verify(
    principal: Principal,
    nationalIdInput: string,
    purposeInput: string,
    claims: CitizenClaims,
    referenceInput?: string | null,
  ): Promise<VerificationView> {
    return this.turns.run(nationalIdInput.replace(/[\s-]/g, ''), () =>
      this.verifyInTurn(principal, nationalIdInput, purposeInput, claims, referenceInput),
    );
  }

  private async verifyInTurn(
    principal: Principal,
    nationalIdInput: string,
    purposeInput: string,
    claims: CitizenClaims,
    referenceInput?: string | null,
  ): Promise<VerificationView> {
    const asked = VERIFICATION_CLAIMS.filter(
      (claim) => claims[claim] !== undefined && claims[claim] !== null,
    );
    if (asked.length === 0) {
      throw new CitizenException(
        CitizenExceptionCode.INVALID_INPUT,
        `claims must hold at least one of ${VERIFICATION_CLAIMS.join(', ')}`,
        { field: 'claims', rule: 'minProperties' },
      );
    }
    const { nationalId, purpose, reference, sections } = await this.authorise(
      'verification',
      principal,
      nationalIdInput,
      purposeInput,
      referenceInput,
      (granted) => granted.has(VERIFICATION_GRANT),
    );
    const access = sections.get(VERIFICATION_GRANT)!;
    const allowed = asked.filter((claim) => access === 'all' || access.has(claim));
    const denied = asked.filter((claim) => !allowed.includes(claim));
    const [person] = allowed.length
      ? await this.records.sectionsOf(nationalId, ['person'], [])
      : [];
    const known = person !== undefined || (await this.records.isKnown(nationalId));
    const results = new Map<VerificationClaim, boolean>();
    const locked = new Set<VerificationClaim>();
    const failed: VerificationClaim[] = [];
    if (known && allowed.length > 0) {
      // The one check a right claim costs: is this kind of claim locked?
      const lockedBefore = await this.locks.locked(nationalId, principal.agencyId, allowed);
      const payload = (person?.payload ?? {}) as PersonFacts;
      const wrong: VerificationClaim[] = [];
      for (const claim of allowed) {
        if (lockedBefore.has(claim)) locked.add(claim);
        else if (holds(claim, claims, payload)) results.set(claim, true);
        else wrong.push(claim);
      }
      const beyond = wrong.length
        ? await this.locks.fail(nationalId, principal.agencyId, wrong)
        : new Set<string>();
      for (const claim of wrong) {
        if (beyond.has(claim)) locked.add(claim);
        else {
          results.set(claim, false);
          failed.push(claim);
        }
      }
    }
    // Which kinds of claim were answered, wrong, refused or locked; never what
    // was claimed. The citizen sees this in accessLog.
    await this.record('verification', principal, nationalId, purpose, {
      outcome: known ? 'found' : 'not-found',
      claimsChecked: allowed.filter((claim) => results.has(claim)),
      claimsDenied: denied,
      ...(failed.length > 0 ? { claimsFailed: failed } : {}),
      ...(locked.size > 0 ? { claimsLocked: allowed.filter((claim) => locked.has(claim)) } : {}),
      ...(reference ? { reference } : {}),
    });
    this.metrics.lookups.inc({ outcome: known ? 'verified' : 'not_found' });
    return {
      nationalId: sections.has(NATIONAL_ID_GRANT)
        ? nationalId
        : this.pseudonyms.pseudonym(principal.agencyId, nationalId),
      known,
      results,
      denied: new Set(denied),
      locked,
    };
  }

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
  private async authorise(
    kind: 'lookup' | 'verification',
    principal: Principal,
    nationalIdInput: string,
    purposeInput: string,
    referenceInput: string | null | undefined,
    serves: (granted: ReadonlyMap<string, SectionAccess>) => boolean,
  ): Promise<Authorised> {
    const nationalId = this.checkNationalId(nationalIdInput);
    const purpose = purposeInput.normalize('NFC').trim();
    const reference = checkReference(referenceInput);
    const decision = this.policy.decide(principal.agencyId, purpose);
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
      });
      this.metrics.lookups.inc({ outcome: 'refused' });
      throw new CitizenException(code, message, {
        ...(code === CitizenExceptionCode.NOT_PERMITTED ? {} : { field: 'purpose' }),
      });
    };
    if (principal.role !== 'agency') {
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
        kind === 'lookup'
          ? `your agency holds no grant to look citizens up for the purpose ${purpose}`
          : `your agency holds no grant to verify claims for the purpose ${purpose}`,
      );
    }
    return { nationalId, purpose, reference, sections: decision.sections };
  }

  private async record(
    kind: 'lookup' | 'verification' | 'related-party-disclosure',
    principal: Principal,
    subjectId: string,
    purpose: string | null,
    details: { [key: string]: JsonValue },
  ): Promise<void> {
    await this.audit.append({
      kind,
      actorClient: principal.clientId,
      actorAgency: principal.agencyId,
      subjectId,
      purpose,
      details,
    });
  }

  /** Narrowed to the granted fields; national ids replaced by the agency's pseudonyms when asked. */
  private shape(payload: unknown, access: SectionAccess, pseudonymFor?: string): unknown {
    const shaped = pseudonymFor ? this.pseudonymise(payload, pseudonymFor) : payload;
    return access === 'all' ? shaped : narrowTo(shaped as Record<string, unknown>, access);
  }

  /** Every `nationalId` in a canonical payload — subject, parents, co-owners, directors — by the schemas' convention. */
  private pseudonymise(value: unknown, agencyId: string): unknown {
    if (Array.isArray(value)) return value.map((item) => this.pseudonymise(item, agencyId));
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] =
        key === 'nationalId' && typeof item === 'string'
          ? this.pseudonyms.pseudonym(agencyId, item)
          : this.pseudonymise(item, agencyId);
    }
    return copy;
  }
}

interface PersonFacts {
  name?: { khmer?: NameClaim; latin?: NameClaim };
  dateOfBirth?: string;
  alive?: boolean;
  idCardNumber?: string;
}

function holds(claim: VerificationClaim, claims: CitizenClaims, person: PersonFacts): boolean {
  switch (claim) {
    case 'name': {
      const asked = claims.name!;
      return [person.name?.latin, person.name?.khmer].some(
        (held) =>
          held !== undefined &&
          sameName(held.familyName, asked.familyName) &&
          sameName(held.givenName, asked.givenName),
      );
    }
    case 'dateOfBirth':
      return person.dateOfBirth === claims.dateOfBirth!.trim();
    case 'alive':
      return person.alive === claims.alive;
    case 'idCardNumber':
      return (
        person.idCardNumber !== undefined &&
        person.idCardNumber === claims.idCardNumber!.replace(/[\s-]/g, '')
      );
  }
}

/** Names as a clerk types them: case, spacing and Unicode composition do not matter. */
function sameName(held: string, claimed: string): boolean {
  const fold = (text: string) =>
    text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
  return fold(held) === fold(claimed);
}
