// The signed-in person, read from GET /auth/session. The CSRF token lives in
// this module's memory only: a reload reads it again, and nothing personal is
// ever written to browser storage.
export type Role = 'agency' | 'steward' | 'integrator' | 'auditor' | 'citizen';

export interface Session {
  person: { name: string; issuer: string } | null;
  role: Role;
  agencyId: string;
  nationalId?: string;
  csrfToken: string;
  /** Minutes of inactivity after which the gateway ends the session. */
  idleMinutes?: number;
}

let current: Session | null = null;
const listeners = new Set<() => void>();

export function csrfToken(): string | undefined {
  return current?.csrfToken;
}

/** The signed-in person, as last read (null when signed out): pages show each role its own actions. */
export function currentSession(): Session | null {
  return current;
}

let reading: Promise<Session | null> | undefined;

/** Reads who is signed in; calls made while a reading is under way share it. */
export function loadSession(): Promise<Session | null> {
  reading ??= readSession().finally(() => {
    reading = undefined;
  });
  return reading;
}

async function readSession(): Promise<Session | null> {
  const response = await fetch('/auth/session', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  current = response.ok ? ((await response.json()) as Session) : null;
  return current;
}

/** Called when the gateway says the session is over: every screen is cleared. */
export function sessionEnded(): void {
  current = null;
  for (const listener of listeners) listener();
}

export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function signOut(): Promise<void> {
  const token = current?.csrfToken;
  current = null;
  await fetch('/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': token ?? '' },
  }).catch(() => undefined);
  sessionEnded();
}
