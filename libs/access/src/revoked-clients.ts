// Revocations every process honours without asking the database per request:
// the ids of clients revoked recently enough that a token issued before the
// revocation may not have expired yet, held in memory. A revocation is
// announced by NOTIFY at commit and lands here within milliseconds; a reload
// every minute backs up a lost notification, and while the listen connection
// is down the process reconnects and reloads every two seconds, so a
// revocation takes effect within seconds even then.
import { ChannelListener, type Database } from '#spean/persistence';
import { CLIENT_REVOKED_CHANNEL, ClientRepository } from './client.repository.js';

/**
 * How long a revocation is remembered: the longest token lifetime the gateway
 * allows (TOKEN_TTL_SECONDS, at most a day), plus verification leeway and
 * clock skew. Older revocations cannot have unexpired tokens, and the token
 * endpoint itself refuses a revoked client, so the set stays small.
 */
export const REVOCATION_MEMORY_SECONDS = 26 * 3600;

/** What bearer authentication asks of every verified token. */
export interface RevocationCheck {
  isRevoked(clientId: string): boolean;
}

export interface RevokedClientsOptions {
  /** Reload while listening, as a backstop for a missed notification (default 60 s). */
  refreshMs?: number;
  /** While the listen connection is down: reconnect and reload this often (default 2 s). */
  retryMs?: number;
  log?: { warn(message: string): void };
}

export class RevokedClients implements RevocationCheck {
  /** client id → when it was revoked (ms), for forgetting it once its tokens are expired. */
  private readonly revoked = new Map<string, number>();
  private readonly repository: ClientRepository;
  private readonly refreshMs: number;
  private readonly retryMs: number;
  private readonly log: { warn(message: string): void };
  private readonly listener: ChannelListener;
  private timer?: NodeJS.Timeout;
  private running = false;
  private lastLoad = 0;

  private constructor(database: Database, options: RevokedClientsOptions) {
    this.repository = new ClientRepository(database);
    this.refreshMs = options.refreshMs ?? 60_000;
    this.retryMs = options.retryMs ?? 2000;
    this.log = options.log ?? { warn: () => undefined };
    this.listener = new ChannelListener(
      database,
      CLIENT_REVOKED_CHANNEL,
      (clientId) => {
        if (clientId) this.revoked.set(clientId, Date.now());
      },
      { name: 'revoked clients', log: this.log },
    );
  }

  /** Loads the revocations (failing if the database cannot be read) and follows new ones. */
  static async start(
    database: Database,
    options: RevokedClientsOptions = {},
  ): Promise<RevokedClients> {
    const revoked = new RevokedClients(database, options);
    revoked.running = true;
    // Listen before loading: a revocation committed in between is then in one or the other.
    await revoked.listener.connect();
    try {
      await revoked.load();
    } catch (error) {
      await revoked.close();
      throw error;
    }
    revoked.timer = setInterval(() => revoked.tick(), revoked.retryMs);
    revoked.timer.unref();
    return revoked;
  }

  isRevoked(clientId: string): boolean {
    return this.revoked.has(clientId);
  }

  /** Nest calls this when an app that provides the list shuts down. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    this.running = false;
    clearInterval(this.timer);
    await this.listener.close();
  }

  private tick(): void {
    if (!this.running) return;
    if (!this.listener.connected) {
      void this.listener.connect().then(() => this.reload());
    } else if (Date.now() - this.lastLoad >= this.refreshMs) {
      void this.reload();
    }
  }

  private async reload(): Promise<void> {
    if (!this.running) return;
    try {
      await this.load();
    } catch (error) {
      this.log.warn(`revoked clients: reload failed, keeping the list held: ${describe(error)}`);
    }
  }

  /** Adds what the database knows; forgets only what is too old to matter. */
  private async load(): Promise<void> {
    const rows = await this.repository.revokedWithin(REVOCATION_MEMORY_SECONDS);
    for (const { clientId, revokedAt } of rows) this.revoked.set(clientId, revokedAt.getTime());
    const forgetBefore = Date.now() - REVOCATION_MEMORY_SECONDS * 1000;
    for (const [clientId, at] of this.revoked) if (at < forgetBefore) this.revoked.delete(clientId);
    this.lastLoad = Date.now();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
