// BENCH ONLY. The gateway exactly as apps/gateway/src/main.ts runs it (the
// same platform, keys and dependencies), except that the app is handed an audit log whose
// append resolves at once and writes nothing. It exists to measure what the
// audit log costs a lookup ("audit off" beside "audit on"); production code
// has no setting that turns the audit log off, and must never get one.
// Schema registration at boot is still audited for real.
import { Logger } from '@nestjs/common';
import type { AuditLog } from '#spean/audit';
import { fromDist } from './harness/dist.ts';

const { openGatewayPlatform, serveGateway } = await fromDist<
  typeof import('../apps/gateway/src/gateway.process.ts')
>('apps/gateway/src/gateway.process.js');

/** Takes every entry and keeps none. */
const DISCARDING_AUDIT_LOG = {
  stats: { batches: 0, entries: 0 },
  append: () => Promise.resolve({ seq: 0 }),
  seal: () => Promise.resolve(undefined),
  close: () => Promise.resolve(),
} as unknown as AuditLog;

// The platform keeps its real audit log (schema registration); only the app gets this one.
const gateway = await openGatewayPlatform();
await serveGateway(gateway, { ...gateway.dependencies, audit: DISCARDING_AUDIT_LOG });
const { config } = gateway;
new Logger('gateway').warn(
  `BENCH gateway WITHOUT AUDIT on http://${config.host}:${config.port}/graphql — never run this outside the benchmark`,
);
