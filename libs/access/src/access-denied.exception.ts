// A caller whose role does not allow the task. Transports map it to their
// "forbidden" (GraphQL FORBIDDEN, HTTP 403).
import type { Principal, Role } from './principal.js';

export class AccessDeniedException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedException';
  }
}

export function requireRole(principal: Principal, allowed: readonly Role[], task: string): void {
  if (!allowed.includes(principal.role)) {
    throw new AccessDeniedException(
      `${task} is for ${allowed.join(' or ')} clients; this client is a ${principal.role}`,
    );
  }
}
