// The gateway process: with GATEWAY_WORKERS above 1, the primary of a cluster
// of gateway workers (gateway.cluster.ts); otherwise, and in each worker, one
// gateway serving the port. Each branch loads only what it runs: the primary
// serves nothing, so it never loads the app.
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { readGatewayConfig } from './config/gateway.config.js';

const primary = cluster.isPrimary ? readGatewayConfig() : undefined;
if (primary && primary.workers > 1) {
  const { runGatewayPrimary } = await import('./gateway.cluster.js');
  await runGatewayPrimary(primary);
} else {
  const { runGatewayProcess } = await import('./gateway.process.js');
  const { config, bus } = await runGatewayProcess();
  const worker = cluster.isWorker ? ` (worker ${config.workerIndex} of ${config.workers})` : '';
  new Logger('gateway').log(
    `gateway listening on http://${config.host}:${config.port}/graphql (${bus.transport} bus)${worker}`,
  );
}
