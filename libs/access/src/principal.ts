// Who is calling, as established from a verified access token or a person's
// signed-in session.
import type { Person } from './person.js';

export const ROLES = ['agency', 'adapter', 'steward', 'integrator', 'auditor', 'citizen'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  clientId: string;
  agencyId: string;
  role: Role;
  /** For adapter clients: the adapter they may publish as. */
  adapter?: string;
  /** For citizen clients: the citizen's own national id, the only record they may ask about. */
  nationalId?: string;
  /** The person acting through the client, when one signed in (or the client named one). */
  person?: Person;
}

/** Who acted, as an audit entry records it: one place, so no append forgets the person. */
export function auditActor(principal: Pick<Principal, 'clientId' | 'agencyId' | 'person'>): {
  actorClient: string;
  actorAgency: string;
  actorPerson: Person | null;
} {
  return {
    actorClient: principal.clientId,
    actorAgency: principal.agencyId,
    actorPerson: principal.person ?? null,
  };
}
