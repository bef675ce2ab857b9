// Every adapter signing key, held in memory for the verifier: the table is
// small (a few keys per adapter) and read on every record, so it is loaded
// whole and loaded again when the registry announces a change (heard on
// ADAPTER_CHANNEL by the process's AdapterApprovals, whose one LISTEN serves
// both), at least every maxAgeMs (a lost notification costs at most that),
// and when asked about a key it does not know (at most once per missReloadMs,
// so a flood of forged key ids costs no flood of queries).
import type { KeyObject } from 'node:crypto';
import { publicKeyFromPem } from '#spean/contracts';
import type { Database } from '#spean/persistence';
import type { AdapterApprovals } from './adapter-approvals.js';
import type { AdapterKey } from './adapter-key.js';
import { AdapterKeyRepository } from './adapter-key.repository.js';

export interface KnownKey {
  key: AdapterKey;
  publicKey: KeyObject;
}

export interface AdapterKeysOptions {
  maxAgeMs?: number;
  missReloadMs?: number;
  log?: { warn(message: string): void };
}

export class AdapterKeys {
  private readonly repository: AdapterKeyRepository;
  private readonly maxAgeMs: number;
  private readonly missReloadMs: number;
  private known = new Map<string, KnownKey>();
  private loadedAt = 0;
  /** When the load that gave `known` began: it reflects every change committed before then. */
  private loadBegan = 0;
  private loading?: Promise<void>;
  /** Bumped on every announcement, so a load begun before one is done again after it. */
  private generation = 0;
  private timer?: NodeJS.Timeout;
  private unhook?: () => void;

  /** `announcements`: the process's AdapterApprovals, started (it listens; this only hooks in). */
  constructor(
    database: Database,
    private readonly announcements: Pick<AdapterApprovals, 'onAnnounced'>,
    private readonly options: AdapterKeysOptions = {},
  ) {
    this.repository = new AdapterKeyRepository(database);
    this.maxAgeMs = options.maxAgeMs ?? 5_000;
    this.missReloadMs = options.missReloadMs ?? 250;
  }

  async start(): Promise<void> {
    // Hooked in before the first load, so no change announced meanwhile is missed.
    this.unhook = this.announcements.onAnnounced(() => this.changed());
    await this.reload();
    this.timer = setInterval(() => void this.reload().catch(() => undefined), this.maxAgeMs);
    this.timer.unref();
  }

  stop(): Promise<void> {
    clearInterval(this.timer);
    this.unhook?.();
    return Promise.resolve();
  }

  /** The key under this id, as last loaded; reloads first when it is unknown or stale. */
  async find(keyId: string): Promise<KnownKey | undefined> {
    // A load under way may follow an announced revocation: its answer, not the older one.
    if (this.loading) await this.loading;
    if (Date.now() - this.loadedAt >= this.maxAgeMs) await this.reload();
    const found = this.known.get(keyId);
    if (found || Date.now() - this.loadedAt < this.missReloadMs) return found;
    await this.reload();
    return this.known.get(keyId);
  }

  /**
   * The key under this id as the table held it at `asOf` or later: loads
   * again unless the last load began after that time. For a refusal about to
   * be made of a record published at `asOf`: a key approved just before the
   * record was published, whose announcement has not arrived yet, is then
   * found approved, not refused as unknown.
   */
  async findAsOf(keyId: string, asOf: Date): Promise<KnownKey | undefined> {
    const at = asOf.getTime();
    // Twice at most: a load in flight may have begun before asOf.
    for (let attempt = 0; attempt < 2 && !(this.loadBegan > at); attempt++)
      await (this.loading ?? this.reload());
    return this.known.get(keyId);
  }

  /** Loads every key again; concurrent callers share one load. */
  reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        for (;;) {
          const generation = this.generation;
          const began = Date.now();
          const rows = await this.repository.list();
          const known = new Map<string, KnownKey>();
          for (const key of rows) {
            try {
              // A KeyObject is parsed once per load, not per record.
              const previous = this.known.get(key.keyId);
              const publicKey =
                previous && previous.key.publicKey === key.publicKey
                  ? previous.publicKey
                  : publicKeyFromPem(key.publicKey);
              known.set(key.keyId, { key, publicKey });
            } catch {
              this.options.log?.warn(`adapter keys: key ${key.keyId} is not a usable Ed25519 key`);
            }
          }
          this.known = known;
          this.loadedAt = Date.now();
          this.loadBegan = began;
          if (generation === this.generation) return;
        }
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private changed(): void {
    this.generation++;
    void this.reload().catch((error: unknown) =>
      this.options.log?.warn(`adapter keys: reloading failed: ${(error as Error).message}`),
    );
  }
}
