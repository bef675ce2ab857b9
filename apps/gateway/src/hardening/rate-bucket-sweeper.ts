// Forgets the shared buckets that are full again, once a minute. Runs in every
// gateway process: the sweep is one idempotent DELETE, and two processes
// sweeping at once only find less to delete.
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SharedBucketStore } from './shared-bucket-store.js';

const SWEEP_MS = 60_000;

@Injectable()
export class RateBucketSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('rate-limits');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(private readonly buckets: SharedBucketStore) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.buckets.repository
        .sweep()
        .catch((error: unknown) =>
          this.logger.warn(`could not sweep the rate-limit buckets: ${(error as Error).message}`),
        )
        .finally(() => (this.sweeping = undefined));
    }, SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }
}
