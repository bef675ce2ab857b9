// A LISTEN on one PostgreSQL notification channel, on a connection of its own.
// Each caller also polls on a timer, so notifications only make it prompt: when
// the connection is lost (or cannot be opened) the listener says so once and
// reports itself disconnected, and the caller's next tick calls connect()
// again — then reloads, to catch what was announced meanwhile.
import type pg from 'pg';
import type { Database } from './database.js';

export interface ChannelListenerOptions {
  /** What listens, for the warnings: e.g. "revoked clients". */
  name: string;
  log?: { warn(message: string): void };
}

export class ChannelListener {
  private client?: pg.Client;
  private connecting = false;
  private closed = false;

  constructor(
    private readonly database: Database,
    private readonly channel: string,
    private readonly onNotification: (payload: string) => void,
    private readonly options: ChannelListenerOptions,
  ) {}

  get connected(): boolean {
    return this.client !== undefined;
  }

  /** Opens the connection and LISTENs; never throws (a failure is warned and left to the next try). */
  async connect(): Promise<void> {
    if (this.connecting || this.client || this.closed) return;
    this.connecting = true;
    let client: pg.Client | undefined;
    try {
      client = await this.database.dedicatedClient();
      const connection = client;
      connection.on('notification', (note) => {
        if (note.channel === this.channel) this.onNotification(note.payload ?? '');
      });
      const lost = (): void => {
        if (this.client === connection) this.client = undefined;
      };
      connection.on('end', lost);
      connection.on('error', (error) => {
        if (this.client === connection)
          this.warn(`listener lost, polling until it is back: ${error.message}`);
        lost();
        void connection.end().catch(() => undefined);
      });
      await connection.query(`LISTEN ${this.channel}`);
      if (this.closed) {
        await connection.end();
        return;
      }
      this.client = connection;
    } catch (error) {
      await client?.end().catch(() => undefined);
      this.warn(
        `cannot listen, polling: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.connecting = false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private warn(message: string): void {
    this.options.log?.warn(`${this.options.name}: ${message}`);
  }
}
