// Seals the audit chain: every AUDIT_CHECKPOINT_SECONDS, and at shutdown, the
// head gets a signed checkpoint if entries were appended since the last one —
// by this gateway or by any other writer (adapters and the CLI hold no key).
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
