// The gateway process: with GATEWAY_WORKERS above 1, the primary of a cluster
// of gateway workers (gateway.cluster.ts); otherwise, and in each worker, one
// gateway serving the port.
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { readGatewayConfig } from './config/gateway.config.js';
import { runGatewayPrimary } from './gateway.cluster.js';
import { runGatewayProcess } from './gateway.process.js';

const primary = cluster.isPrimary ? readGatewayConfig() : undefined;
if (primary && primary.workers > 1) {
  await runGatewayPrimary(primary);
} else {
  const { config, bus } = await runGatewayProcess();
  const worker = cluster.isWorker ? ` (worker ${config.workerIndex} of ${config.workers})` : '';
  new Logger('gateway').log(
    `gateway listening on http://${config.host}:${config.port}/graphql (${bus.transport} bus)${worker}`,
  );
}
