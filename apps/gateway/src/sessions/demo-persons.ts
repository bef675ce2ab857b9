// The persons the embedded provider signs in: the entries of
// demo-credentials.json that have a `username` (npm start writes them next to
// the demo clients). Read at each sign-in, so the file may be written after the
// gateway started. Passwords are compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';

export interface DemoPerson {
  username: string;
  password: string;
  /** The Spean role: agency (a desk officer), steward, integrator, auditor or citizen. */
  role: string;
  /** The display name the access log shows. */
  name: string;
  agencyId?: string;
  /** Citizens: their national id. */
  nationalId?: string;
}

export function readDemoPersons(file: string): DemoPerson[] {
  if (!fs.existsSync(file)) return [];
  const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(entries)) return [];
  return entries.filter(
    (entry): entry is DemoPerson =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as DemoPerson).username === 'string' &&
      typeof (entry as DemoPerson).password === 'string',
  );
}

/** The person with this username and password, if any. */
export function checkPassword(
  persons: DemoPerson[],
  username: string,
  password: string,
): DemoPerson | undefined {
  const person = persons.find((candidate) => candidate.username === username);
  const digest = (text: string) => createHash('sha256').update(text).digest();
  // Compared even for an unknown username, so the timing does not tell which usernames exist.
  const same = timingSafeEqual(digest(person?.password ?? '\u0000'), digest(password));
  return person && same ? person : undefined;
}
