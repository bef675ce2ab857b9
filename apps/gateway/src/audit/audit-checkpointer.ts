// Seals the audit chain: every AUDIT_CHECKPOINT_SECONDS, and at shutdown, the
// head gets a signed checkpoint if entries were appended since the last one —
// by this gateway or by any other writer (adapters and the CLI hold no key).
// With several gateway workers (gateway.cluster.ts), only worker 0 seals on
// the clock, so checkpoints come as often as AUDIT_CHECKPOINT_SECONDS says and
// not N times as often; every worker seals at shutdown (under the chain's
// lock, a seal with nothing new is nothing), so the last to stop seals the
// entries of all.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AuditLog } from '#spean/audit';
import type { GatewayConfig } from '../config/gateway.config.js';
import { AUDIT_LOG, GATEWAY_CONFIG } from '../gateway.tokens.js';

@Injectable()
export class AuditCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('audit');
  private timer?: NodeJS.Timeout;
  private sealing?: Promise<unknown>;

  constructor(
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.workerIndex !== 0) return;
    this.timer = setInterval(() => void this.seal(), this.config.auditCheckpointSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sealing;
    await this.seal();
  }

  private seal(): Promise<unknown> {
    this.sealing ??= this.audit
      .seal()
      .catch((error: unknown) =>
        this.logger.warn(`could not seal the audit log: ${(error as Error).message}`),
      )
      .finally(() => (this.sealing = undefined));
    return this.sealing;
  }
}
