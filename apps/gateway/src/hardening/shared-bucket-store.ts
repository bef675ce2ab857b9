// The gateway's bucket store: the buckets in PostgreSQL that every gateway
// process shares — or, while the database does not answer, this process's own
// buckets, so a limit still holds per process (each process then allows the
// whole rate: N processes at most N times it) instead of failing open or
// refusing everyone. A failed statement switches to the process's buckets for
// FALLBACK_MS, then the database is tried again; one warning per outage.
import type { Logger } from '@nestjs/common';
import type { Queryable } from '#spean/persistence';
import {
  MemoryBucketStore,
  type BucketLimit,
  type BucketStore,
  type Grant,
} from './bucket-store.js';
import { RateBucketRepository } from './rate-bucket.repository.js';

const FALLBACK_MS = 5_000;

export class SharedBucketStore implements BucketStore {
  readonly repository: RateBucketRepository;
  private readonly local = new MemoryBucketStore();
  private fallbackUntil = 0;

  constructor(
    db: Queryable,
    private readonly log: Pick<Logger, 'warn' | 'log'>,
  ) {
    this.repository = new RateBucketRepository(db);
  }

  take(key: string, limit: BucketLimit, want: number): Promise<Grant> {
    return this.shared(
      () => this.repository.take(key, limit, want),
      () => this.local.take(key, limit, want),
    );
  }

  peek(key: string, limit: BucketLimit): Promise<number> {
    return this.shared(
      () => this.repository.peek(key, limit),
      () => this.local.peek(key, limit),
    );
  }

  private async shared<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    if (performance.now() < this.fallbackUntil) return local();
    try {
      const result = await shared();
      if (this.fallbackUntil > 0) {
        this.fallbackUntil = 0;
        this.log.log('rate limits are shared through the database again');
      }
      return result;
    } catch (error) {
      if (this.fallbackUntil === 0)
        this.log.warn(
          `rate limits fall back to this process's own buckets: ${(error as Error).message}`,
        );
      this.fallbackUntil = performance.now() + FALLBACK_MS;
      return local();
    }
  }
}
