// The audit chain's checkpoints, sealed by the gateway at intervals and at shutdown.
import { Module } from '@nestjs/common';
import { AuditCheckpointer } from './audit-checkpointer.js';

@Module({ providers: [AuditCheckpointer] })
export class AuditModule {}
