// The fast answer to "may this adapter publish (consume) this record type
// now?", asked for every record. Registrations are cached per adapter and
// dropped the moment the registry announces a change (LISTEN on
// ADAPTER_CHANNEL, as the schema registry's watcher does), so an approval or a
// suspension takes effect within moments, without restarting the adapter. A
// cached answer is also never older than maxAgeMs: a lost notification, or a
// broken listening connection, costs at most that long. Its LISTEN is the
// process's one ear on the channel: the adapter key set hears announced key
// changes through it too (onAnnounced).
import { ChannelListener, type Database } from '#spean/persistence';
import { mayConsume, mayPublish } from './adapter-permissions.js';
import {
  ADAPTER_CHANNEL,
  type AdapterRegistration,
  type Permission,
} from './adapter-registration.js';
import { AdapterRegistryRepository } from './adapter-registry.repository.js';

export interface AdapterApprovalsOptions {
  /** Longest a cached registration is used without reading it again (default 5 s). */
  maxAgeMs?: number;
  log?: { warn(message: string): void };
}

interface Cached {
  registration: AdapterRegistration | undefined;
  loadedAt: number;
  /** When the read began: the registration as committed before then. */
  began: number;
}

type ChangeListener = () => void;
type AnnouncementListener = (adapter: string) => void;

export class AdapterApprovals {
  private readonly repository: AdapterRegistryRepository;
  private readonly maxAgeMs: number;
  private readonly cache = new Map<string, Cached>();
  private readonly loading = new Map<string, Promise<AdapterRegistration | undefined>>();
  /** Bumped on every announced change, so a read begun before it is not cached after it. */
  private readonly generation = new Map<string, number>();
  private readonly listeners = new Map<string, Set<ChangeListener>>();
  /** What listeners last saw of their adapter, to tell them only of real changes. */
  private readonly seen = new Map<string, string>();
  private readonly announcements = new Set<AnnouncementListener>();
  private readonly listener: ChannelListener;
  private timer?: NodeJS.Timeout;

  constructor(
    database: Database,
    private readonly options: AdapterApprovalsOptions = {},
  ) {
    this.repository = new AdapterRegistryRepository(database);
    this.maxAgeMs = options.maxAgeMs ?? 5_000;
    this.listener = new ChannelListener(database, ADAPTER_CHANNEL, (name) => this.changed(name), {
      name: 'adapter registry',
      log: options.log,
    });
  }

  async start(): Promise<void> {
    await this.listener.connect();
    // Listeners also hear of changes a lost notification did not announce.
    this.timer = setInterval(() => {
      if (!this.listener.connected) void this.listener.connect();
      for (const adapter of this.listeners.keys()) void this.check(adapter);
    }, this.maxAgeMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.listeners.clear();
    this.announcements.clear();
    await this.listener.close();
  }

  /** Stopped with the Nest application that provides it. */
  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  async mayPublish(
    adapter: string,
    recordType: string,
    schemaVersion?: number,
  ): Promise<Permission> {
    return mayPublish(await this.registration(adapter), adapter, recordType, schemaVersion);
  }

  /**
   * mayPublish, answered from the registration as the registry held it at
   * `asOf` or later: read again unless the cached one was read after that
   * time. For a refusal about to be made of a record published at `asOf`,
   * whose adapter's approval announcement has not arrived yet.
   */
  async mayPublishAsOf(
    adapter: string,
    recordType: string,
    schemaVersion: number | undefined,
    asOf: Date,
  ): Promise<Permission> {
    const fresh = (): boolean => (this.cache.get(adapter)?.began ?? 0) > asOf.getTime();
    if (!fresh()) {
      // A read in flight (another refusal's) is likely fresh enough: one read, not one each.
      await this.loading.get(adapter)?.catch(() => undefined);
      if (!fresh()) this.changed(adapter, false);
    }
    return this.mayPublish(adapter, recordType, schemaVersion);
  }

  async mayConsume(adapter: string, recordType: string): Promise<Permission> {
    return mayConsume(await this.registration(adapter), adapter, recordType);
  }

  /** The adapter's registration as last read (at most maxAgeMs ago), undefined if unregistered. */
  async registration(adapter: string): Promise<AdapterRegistration | undefined> {
    const cached = this.cache.get(adapter);
    if (cached && Date.now() - cached.loadedAt < this.maxAgeMs) return cached.registration;
    let load = this.loading.get(adapter);
    if (!load) {
      const generation = this.generation.get(adapter) ?? 0;
      const began = Date.now();
      load = this.repository
        .get(adapter)
        .then((registration) => {
          if ((this.generation.get(adapter) ?? 0) === generation) {
            this.cache.set(adapter, { registration, loadedAt: Date.now(), began });
          }
          return registration;
        })
        .finally(() => this.loading.delete(adapter));
      this.loading.set(adapter, load);
    }
    return load;
  }

  /** Calls back (without arguments) whenever the adapter's registration changes; returns the unsubscriber. */
  onChange(adapter: string, listener: ChangeListener): () => void {
    let set = this.listeners.get(adapter);
    if (!set) this.listeners.set(adapter, (set = new Set()));
    set.add(listener);
    void this.check(adapter);
    return () => set.delete(listener);
  }

  /**
   * Calls back, with the adapter's name, on every change the registry
   * announces on the channel (registrations and signing keys), as soon as it
   * is heard; returns the unsubscriber.
   */
  onAnnounced(listener: AnnouncementListener): () => void {
    this.announcements.add(listener);
    return () => this.announcements.delete(listener);
  }

  /** Forgets what was read of the adapter; an announced change also tells the listeners. */
  private changed(adapter: string, announced = true): void {
    this.generation.set(adapter, (this.generation.get(adapter) ?? 0) + 1);
    this.cache.delete(adapter);
    this.loading.delete(adapter);
    if (!announced) return;
    for (const listener of this.announcements) listener(adapter);
    void this.check(adapter, true);
  }

  /**
   * Reads the registration (again, if stale) and tells the listeners when it
   * differs from what they saw, or always when the registry announced a change.
   */
  private async check(adapter: string, announced = false): Promise<void> {
    if (!this.listeners.has(adapter)) return;
    try {
      const registration = await this.registration(adapter);
      const now = JSON.stringify(registration ?? null);
      const before = this.seen.get(adapter);
      this.seen.set(adapter, now);
      if (!announced && (before === undefined || before === now)) return;
      for (const listener of this.listeners.get(adapter) ?? []) listener();
    } catch (error) {
      this.options.log?.warn(
        `adapter registry: reading ${adapter} failed: ${(error as Error).message}`,
      );
    }
  }
}
