// Keeps a process's validators in step with the registry: it reloads the
// catalog whenever any process announces a change (NOTIFY), and checks every
// minute in case an announcement was missed. Compiling schemas is costly, so a
// reload first compares the registry's fingerprint with the one in use and
// compiles only when something really changed. The swap is whole — validation
// never sees a half-loaded catalog.
import { ChannelListener, type Database } from '#spean/persistence';
import type { RecordValidator } from '../record-validator.js';
import { SCHEMA_CHANNEL, type SchemaRegistryService } from './schema-registry.service.js';

export class RegistryWatcher {
  private readonly listener: ChannelListener;
  private timer?: NodeJS.Timeout;
  private reloading?: Promise<void>;
  /** A reload asked for while one runs: it runs once more after it. */
  private next?: Promise<void>;

  constructor(
    private readonly registry: SchemaRegistryService,
    database: Database,
    private readonly validator: RecordValidator,
    /** The fingerprint of the catalog the validator holds now. */
    private inUse: string,
    private readonly log: { warn(message: string): void } = { warn: () => undefined },
  ) {
    this.listener = new ChannelListener(database, SCHEMA_CHANNEL, () => void this.reload(), {
      name: 'schema registry',
      log,
    });
  }

  async start(): Promise<void> {
    await this.listener.connect();
    // Also reconnects a lost listener; the reload catches what it missed.
    this.timer = setInterval(() => {
      if (!this.listener.connected) void this.listener.connect();
      void this.reload();
    }, 60_000);
    this.timer.unref();
  }

  /**
   * Reloads now; a failed reload keeps the catalog in use. A request while a
   * reload runs is not merged into it — that one may have read the registry
   * before the change announced — but runs once after it (requests meanwhile
   * share that one run).
   */
  reload(): Promise<void> {
    if (this.reloading) {
      this.next ??= this.reloading.then(() => {
        this.next = undefined;
        return this.reload();
      });
      return this.next;
    }
    this.reloading = (async () => {
      const current = await this.registry.repository.stateFingerprint();
      if (current === this.inUse) return;
      this.validator.useCatalog(await this.registry.loadCatalog());
      this.inUse = current;
    })()
      .catch((error: unknown) =>
        this.log.warn(`schema registry reload failed: ${(error as Error).message}`),
      )
      .finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.next;
    await this.reloading;
    await this.listener.close();
  }
}
