// Keeps a process's validators in step with the registry: it loads the
// catalog at start, and reloads it whenever any process announces a change
// (NOTIFY), and every minute in case an announcement was missed. The swap is
// whole — validation never sees a half-loaded catalog.
import type pg from 'pg';
import type { Database } from '#spean/persistence';
import type { RecordValidator } from '../record-validator.js';
import { SCHEMA_CHANNEL, type SchemaRegistryService } from './schema-registry.service.js';

export class RegistryWatcher {
  private listener?: pg.Client;
  private timer?: NodeJS.Timeout;
  private reloading?: Promise<void>;

  constructor(
    private readonly registry: SchemaRegistryService,
    private readonly database: Database,
    private readonly validator: RecordValidator,
    private readonly log: { warn(message: string): void } = { warn: () => undefined },
  ) {}

  async start(): Promise<void> {
    await this.reload();
    this.listener = await this.database.dedicatedClient();
    this.listener.on('notification', () => void this.reload());
    this.listener.on('error', (error) =>
      this.log.warn(`schema registry listener: ${error.message}`),
    );
    await this.listener.query(`LISTEN ${SCHEMA_CHANNEL}`);
    this.timer = setInterval(() => void this.reload(), 60_000);
    this.timer.unref();
  }

  /** Reloads now (coalescing overlapping requests); a failed reload keeps the catalog in use. */
  reload(): Promise<void> {
    this.reloading ??= this.registry
      .loadCatalog()
      .then((catalog) => this.validator.useCatalog(catalog))
      .catch((error: unknown) =>
        this.log.warn(`schema registry reload failed: ${(error as Error).message}`),
      )
      .finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.reloading;
    await this.listener?.end().catch(() => undefined);
  }
}
