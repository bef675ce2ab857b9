// From an identity provider's claims to the principal a signed-in person acts
// as: the same Principal a client's token gives, so the one authorisation code
// decides for both. Officers: role from the role claim (agency, steward,
// integrator, auditor) and a registered agency; citizens: role citizen and the
// national id, checked by the national id scheme. Errors name the claim and
// the rule, never the claim's value.
import { CITIZEN_AGENCY, type Principal, type Role } from '#spean/access';
import { checkTypedNationalId, type NationalIdScheme } from '#spean/contracts';
import { textRuleBroken } from '#spean/schema-registry';
import type { IssuerSettings } from './sessions.config.js';
import { SignInException, SignInExceptionCode } from './sign-in.exception.js';

/** Roles a person may hold when signing in as an officer (adapters are systems). */
export const OFFICER_ROLES: readonly Role[] = ['agency', 'steward', 'integrator', 'auditor'];

const MAX_TEXT = 200;

export interface ClaimChecks {
  nationalIds: NationalIdScheme;
  agencyExists(agencyId: string): Promise<boolean>;
}

export async function principalFromClaims(
  issuer: IssuerSettings,
  claims: Record<string, unknown>,
  checks: ClaimChecks,
): Promise<Principal> {
  const mapping = issuer.claims;
  const subject = text(claims, 'sub', 'sub');
  const person = {
    issuer: issuer.issuer,
    subject,
    name: text(claims, mapping.name, 'name'),
    statedBy: 'session' as const,
  };
  if (issuer.audience === 'citizen') {
    const raw = text(claims, mapping.nationalId, 'nationalId');
    const { id, check } = checkTypedNationalId(checks.nationalIds, raw);
    if (!check.valid) bad(mapping.nationalId, check.rule, `the national id claim ${check.message}`);
    return {
      clientId: issuer.clientId,
      // The agency every citizen belongs to, as citizen clients do.
      agencyId: CITIZEN_AGENCY.id,
      role: 'citizen',
      nationalId: id,
      person,
    };
  }
  const role = text(claims, mapping.role, 'role');
  if (!(OFFICER_ROLES as readonly string[]).includes(role))
    bad(mapping.role, 'one-of', `the role claim must be one of ${OFFICER_ROLES.join(', ')}`);
  const agencyId = text(claims, mapping.agency, 'agency');
  if (!(await checks.agencyExists(agencyId)))
    bad(mapping.agency, 'registered', 'the agency claim names no registered agency');
  return { clientId: issuer.clientId, agencyId, role: role as Role, person };
}

function text(claims: Record<string, unknown>, name: string, what: string): string {
  const value = claims[name];
  if (typeof value !== 'string' || value.trim() === '')
    bad(name, 'required', `the ${what} claim ("${name}") is missing or empty`);
  const normalised = (value as string).normalize('NFC').trim();
  if (normalised.length > MAX_TEXT || textRuleBroken(normalised) !== undefined)
    bad(
      name,
      'text',
      `the ${what} claim ("${name}") must be plain text of at most ${MAX_TEXT} characters`,
    );
  return normalised;
}

function bad(claim: string, rule: string, message: string): never {
  throw new SignInException(SignInExceptionCode.BAD_CLAIM, message, { claim, rule });
}
