// Stops following the adapter registry when the adapter shuts down.
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AdapterApprovals } from '#spean/adapter-registry';
import { ADAPTER_APPROVALS } from './approval-guard.js';

@Injectable()
export class AdapterApprovalsStopper implements OnApplicationShutdown {
  constructor(@Inject(ADAPTER_APPROVALS) private readonly approvals: AdapterApprovals) {}

  onApplicationShutdown(): Promise<void> {
    return this.approvals.stop();
  }
}
