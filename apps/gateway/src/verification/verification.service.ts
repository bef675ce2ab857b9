// verifyCitizen: yes or no to claims about a citizen, from the civil
// register's person record; the data itself never leaves.
import {
  NATIONAL_ID_GRANT,
  VERIFICATION_CLAIMS,
  VERIFICATION_GRANT,
  type Principal,
  type VerificationClaim,
} from '#spean/access';
import type { Metrics } from '#spean/observability';
import type { CitizenAccess } from '../citizen/citizen-access.js';
import { CitizenException, CitizenExceptionCode } from '../citizen/citizen.exception.js';
import type { ReadModelRepository } from '../read-model/read-model.repository.js';
import type { VerificationLockRepository } from '../verification-lock/verification-lock.repository.js';
import { Turns } from '../verification-lock/turns.js';

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

/** Who asks, about whom, for what purpose, which claims, and the agency's reference if any. */
type VerificationQuestion = [
  principal: Principal,
  nationalIdInput: string,
  purposeInput: string,
  claims: CitizenClaims,
  referenceInput?: string | null,
];

export class VerificationService {
  constructor(
    private readonly records: ReadModelRepository,
    private readonly access: CitizenAccess,
    private readonly metrics: Metrics,
    private readonly locks: VerificationLockRepository,
  ) {}

  private readonly turns = new Turns();

  /**
   * Yes or no to each claim, from the civil register's person record; the data
   * itself never leaves. Wrong claims are counted (see verification-lock/):
   * past the limits, claims of that kind are refused, right or wrong. The
   * verifications of one citizen take turns in this process, in the order
   * asked, so the claims of one request count one by one.
   */
  async verify(...question: VerificationQuestion): Promise<VerificationView> {
    const [, nationalIdInput] = question;
    // Turns are keyed by the id as the scheme reads it, so two spellings of one id share them.
    return await this.turns.run(this.access.checkNationalId(nationalIdInput), () =>
      this.verifyInTurn(...question),
    );
  }

  private async verifyInTurn(
    ...[principal, nationalIdInput, purposeInput, claims, referenceInput]: VerificationQuestion
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
    const { nationalId, purpose, reference, sections } = await this.access.authorise(
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
    await this.access.record('verification', principal, nationalId, purpose, {
      outcome: known ? 'found' : 'not-found',
      claimsChecked: allowed.filter((claim) => results.has(claim)),
      claimsDenied: denied,
      ...(failed.length > 0 ? { claimsFailed: failed } : {}),
      ...(locked.size > 0 ? { claimsLocked: allowed.filter((claim) => locked.has(claim)) } : {}),
      ...(reference ? { reference } : {}),
    });
    this.metrics.lookups.inc({ outcome: known ? 'verified' : 'not_found' });
    return {
      nationalId: this.access.shownId(
        principal.agencyId,
        nationalId,
        sections.has(NATIONAL_ID_GRANT),
      ),
      known,
      results,
      denied: new Set(denied),
      locked,
    };
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
