// What every change to the adapter registry does the same way, registrations
// and signing keys alike: who may make it, how its free text is read, how a bad
// value is refused, and the audit entry it writes.
import { AccessDeniedException } from '#spean/access';
import type { AuditLog, JsonValue } from '#spean/audit';
import {
  AdapterRegistryException,
  AdapterRegistryExceptionCode as Code,
} from './adapter-registry.exception.js';
import type { AdapterActor } from './adapter-registry.service.js';

/** Refuses an actor whose role is not among `roles`, naming the clients that may. */
export function allow(
  actor: AdapterActor,
  roles: ReadonlyArray<AdapterActor['role']>,
  task: string,
): void {
  if (!roles.includes(actor.role)) {
    const clients = roles.filter((role) => role !== 'operator' && role !== 'system');
    throw new AccessDeniedException(
      `${task} is for ${clients.join(' or ')} clients; this client is a ${actor.role}`,
    );
  }
}

/** Required free text: NFC, trimmed, 1 to `max` characters. */
export function requiredText(value: string | undefined, field: string, max: number): string {
  const trimmed = (value ?? '').normalize('NFC').trim();
  if (trimmed.length === 0 || trimmed.length > max)
    invalid(field, `${field} is required, at most ${max} characters`);
  return trimmed;
}

/** Text that may be left out (null); when given, at most max characters. */
export function optionalText(
  value: string | null | undefined,
  field: string,
  max: number,
): string | null {
  const trimmed = (value ?? '').normalize('NFC').trim();
  if (trimmed.length > max) invalid(field, `${field} is at most ${max} characters`);
  return trimmed === '' ? null : trimmed;
}

export function invalid(field: string, message: string): never {
  throw new AdapterRegistryException(Code.INVALID_INPUT, message, { field });
}

/** The registry's audit entry for a change an actor made. */
export async function appendRegistryEntry(
  audit: AuditLog,
  actor: AdapterActor,
  details: { [key: string]: JsonValue },
): Promise<void> {
  await audit.append({
    kind: 'adapter-registration',
    actorClient: actor.clientId,
    actorAgency: actor.agencyId,
    actorPerson: actor.person ?? null,
    details,
  });
}
