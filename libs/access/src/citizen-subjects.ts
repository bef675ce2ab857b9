// A citizen's token names only its client; the national id it may ask about
// stays on the server. Bearer authentication asks this directory for it. A
// citizen client is registered with one national id that never changes
// (nothing updates client.national_id), so an answer once read is true for
// good: each client costs one database read per process, then none. A
// revoked client is refused by the revocation check before it gets here. The
// memory is bounded; the client used least recently is forgotten first.
import type { Queryable } from '#spean/persistence';
import { ClientRepository } from './client.repository.js';

/** What bearer authentication asks for a verified citizen token. */
export interface CitizenSubjectLookup {
  /** The national id the citizen client was registered with; undefined for no such client. */
  nationalIdOf(clientId: string): Promise<string | undefined>;
}

export class CitizenSubjects implements CitizenSubjectLookup {
  private readonly known = new Map<string, string>();
  private readonly clients: ClientRepository;

  constructor(
    database: Queryable,
    private readonly maxEntries = 100_000,
  ) {
    this.clients = new ClientRepository(database);
  }

  async nationalIdOf(clientId: string): Promise<string | undefined> {
    const known = this.known.get(clientId);
    if (known !== undefined) {
      // Most recently used last, so the first key is the one to forget.
      this.known.delete(clientId);
      this.known.set(clientId, known);
      return known;
    }
    const client = await this.clients.findClient(clientId);
    if (client?.role !== 'citizen' || !client.nationalId) return undefined;
    if (this.known.size >= this.maxEntries) this.known.delete(this.known.keys().next().value!);
    this.known.set(clientId, client.nationalId);
    return client.nationalId;
  }
}
