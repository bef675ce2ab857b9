// Who may do what with client credentials, and what a new client must look
// like. Pure functions, so that every rule has a unit test; the service loads
// the facts (the target client, the adapter's registration) and asks here.
//
// - Stewards (and operators at the CLI, who already hold the database) may do
//   everything: create any client, list, rotate and revoke any client.
// - An integrator looks after its own agency's adapters: it may create adapter
//   clients for its own agency, for an adapter whose registration names that
//   agency and is approved, and rotate or revoke its agency's adapter clients.
// - Every client may rotate its own secret (the normal case: a system renews
//   its credential itself) and revoke itself (it knows it leaked).
// - Auditors and stewards list every client; agency and integrator clients
//   list their own agency's.
import { checkTypedNationalId, type NationalIdScheme } from '#spean/contracts';
import { AccessDeniedException } from './access-denied.exception.js';
import { ClientException, ClientExceptionCode } from './client.exception.js';
import { MAX_SECRET_OVERLAP_HOURS } from './credential-settings.js';
import { MAX_REASON_LENGTH, reasonIssue, storedText, textIssue } from './free-text.js';
import { auditActor, ROLES, type Principal, type Role } from './principal.js';

/** The one agency every citizen client belongs to. */
export const CITIZEN_AGENCY = { id: 'citizens', name: 'Citizens' } as const;
/** The agency the audit log names for changes made with the CLI on the server. */
export const OPERATOR_AGENCY = 'operator';

/** Who asks for a credential change: a client through GraphQL, or an operator at the CLI. */
export type CredentialActor =
  { kind: 'client'; principal: Principal } | { kind: 'operator'; name: string };

/** What a caller asks for; every field is checked by validateNewClient. */
export interface NewClientInput {
  /** Not needed for a citizen (always "citizens"). */
  agencyId?: string;
  /** Needed when the agency is new; renames an existing one (stewards only). */
  agencyName?: string;
  name: string;
  role: string;
  /** For role adapter: the adapter it publishes as. */
  adapter?: string;
  /** For role citizen: the citizen's own national id. */
  nationalId?: string;
  reason?: string;
}

export interface ValidNewClient {
  agencyId: string;
  agencyName: string | null;
  name: string;
  role: Role;
  adapter: string | null;
  /** Canonical form (separators removed, Khmer digits mapped). */
  nationalId: string | null;
  reason: string | null;
}

const ID_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;
const MAX_TEXT = 200;

export function auditActorOf(actor: CredentialActor): ReturnType<typeof auditActor> {
  return actor.kind === 'client'
    ? auditActor(actor.principal)
    : { actorClient: actor.name, actorAgency: OPERATOR_AGENCY, actorPerson: null };
}

export function validateNewClient(input: NewClientInput, scheme: NationalIdScheme): ValidNewClient {
  if (!(ROLES as readonly string[]).includes(input.role))
    invalid('role', 'one-of', `role must be one of ${ROLES.join(', ')}`);
  const role = input.role as Role;
  const name = text(input.name, 'name', MAX_TEXT)!;
  if (!name) invalid('name', 'required', 'name is required');
  let agencyName = text(input.agencyName, 'agencyName', MAX_TEXT);
  if (agencyName === '') invalid('agencyName', 'required', 'agencyName must not be empty');
  const reason = text(input.reason, 'reason', MAX_REASON_LENGTH) || null;

  let agencyId = input.agencyId;
  let nationalId: string | null = null;
  if (role === 'citizen') {
    if (!input.nationalId)
      invalid('nationalId', 'required', 'nationalId is required for role citizen');
    const { id, check } = checkTypedNationalId(scheme, input.nationalId);
    if (!check.valid) invalid('nationalId', check.rule, `nationalId ${check.message}`);
    nationalId = id;
    if (agencyId !== undefined && agencyId !== CITIZEN_AGENCY.id)
      invalid(
        'agencyId',
        'citizen-agency',
        `agencyId must be ${CITIZEN_AGENCY.id} (or left out) for role citizen`,
      );
    if (agencyName !== null && agencyName !== CITIZEN_AGENCY.name)
      invalid(
        'agencyName',
        'citizen-agency',
        `agencyName must be ${CITIZEN_AGENCY.name} (or left out) for role citizen`,
      );
    agencyId = CITIZEN_AGENCY.id;
    agencyName = CITIZEN_AGENCY.name;
  } else {
    if (input.nationalId !== undefined)
      invalid('nationalId', 'citizen-only', 'nationalId is only for role citizen');
    if (!agencyId) invalid('agencyId', 'required', 'agencyId is required');
    if (!ID_PATTERN.test(agencyId))
      invalid(
        'agencyId',
        'pattern',
        'agencyId must be 2 to 63 lower-case letters, digits or dashes, starting with a letter',
      );
    if (agencyId === CITIZEN_AGENCY.id)
      invalid('agencyId', 'reserved', `agencyId ${CITIZEN_AGENCY.id} is kept for citizen clients`);
  }

  if (role === 'adapter') {
    if (!input.adapter) invalid('adapter', 'required', 'adapter is required for role adapter');
    if (!ID_PATTERN.test(input.adapter))
      invalid(
        'adapter',
        'pattern',
        'adapter must be 2 to 63 lower-case letters, digits or dashes, starting with a letter',
      );
  } else if (input.adapter !== undefined) {
    invalid('adapter', 'adapter-only', 'adapter is only for role adapter');
  }
  return {
    agencyId,
    agencyName,
    name,
    role,
    adapter: input.adapter ?? null,
    nationalId,
    reason,
  };
}

/** The overlap asked for, or the default; whole hours from 0 (no overlap) to a week. */
export function validateOverlapHours(value: number | undefined, fallback: number): number {
  const hours = value ?? fallback;
  if (!Number.isInteger(hours) || hours < 0 || hours > MAX_SECRET_OVERLAP_HOURS)
    invalid(
      'overlapHours',
      'range',
      `overlapHours must be a whole number from 0 to ${MAX_SECRET_OVERLAP_HOURS}`,
    );
  return hours;
}

/** A revocation must say why; a creation or rotation may. */
export function validateReason(value: string | undefined, required: boolean): string | null {
  const issue = reasonIssue(value, required);
  if (issue) invalid(issue.field, issue.rule, issue.message);
  return storedText(value) || null;
}

/** The first check, before any input is looked at: may this actor create clients at all? */
export function authoriseCreating(actor: CredentialActor): void {
  if (actor.kind === 'operator') return;
  const { role } = actor.principal;
  if (role !== 'steward' && role !== 'integrator')
    deny(`creating clients is for steward or integrator clients; this client is a ${role}`);
}

export interface CreationFacts {
  /** The agency exists and the input names it differently. */
  renamesAgency: boolean;
  /** For an adapter client: the agency whose approved registration names the adapter. */
  adapterAgency: string | undefined;
}

export function authoriseCreate(
  actor: CredentialActor,
  client: ValidNewClient,
  facts: CreationFacts,
): void {
  authoriseCreating(actor);
  if (actor.kind === 'operator' || actor.principal.role === 'steward') return;
  const own = actor.principal.agencyId;
  if (client.role !== 'adapter')
    deny(`an integrator may create adapter clients only; a ${client.role} client is for stewards`);
  if (client.agencyId !== own) deny('an integrator may create clients for its own agency only');
  if (facts.adapterAgency !== own)
    deny(
      `the adapter ${client.adapter} has no approved registration for this agency; ` +
        'a steward approves the registration or creates the client',
    );
  if (facts.renamesAgency) deny('renaming an agency is for stewards');
}

/** Which agency's clients the actor may list: undefined means every agency. */
export function authoriseListing(
  actor: CredentialActor,
  agencyId: string | undefined,
): string | undefined {
  if (actor.kind === 'operator') return agencyId;
  const { role, agencyId: own } = actor.principal;
  if (role === 'steward' || role === 'auditor') return agencyId;
  if (role !== 'agency' && role !== 'integrator')
    deny(
      `listing clients is for steward, auditor, agency or integrator clients; this client is a ${role}`,
    );
  if (agencyId !== undefined && agencyId !== own)
    deny("an agency or integrator client may list its own agency's clients only");
  return own;
}

/** The first check of a rotation or revocation, before the target is loaded. */
export function authoriseManaging(actor: CredentialActor, clientId: string, task: string): void {
  if (actor.kind === 'operator') return;
  const { role } = actor.principal;
  if (role === 'steward' || role === 'integrator' || actor.principal.clientId === clientId) return;
  deny(`${task} is for stewards, or for the client itself`);
}

export function authoriseManage(
  actor: CredentialActor,
  target: { clientId: string; agencyId: string; role: Role },
  task: string,
): void {
  authoriseManaging(actor, target.clientId, task);
  if (actor.kind === 'operator') return;
  const { principal } = actor;
  if (principal.role === 'steward' || principal.clientId === target.clientId) return;
  if (target.role !== 'adapter' || target.agencyId !== principal.agencyId)
    deny(`${task} by an integrator is for its own agency's adapter clients only`);
}

/** What a list shows of a citizen's national id: the last three digits. */
export function maskNationalId(id: string): string {
  const shown = Math.min(3, Math.floor(id.length / 3));
  return `${'*'.repeat(id.length - shown)}${id.slice(id.length - shown)}`;
}

function text(value: string | undefined, field: string, max: number): string | null {
  const issue = textIssue(value, field, max);
  if (issue) invalid(field, issue.rule, issue.message);
  return storedText(value);
}

function invalid(field: string, rule: string, message: string): never {
  throw new ClientException(ClientExceptionCode.INVALID_INPUT, message, { field, rule });
}

function deny(message: string): never {
  throw new AccessDeniedException(message);
}
