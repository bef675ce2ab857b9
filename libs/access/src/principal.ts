// Who is calling, as established from a verified access token.
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
}
