// Ports for the processes a test run or a benchmark starts itself, chosen
// below the kernel's ephemeral range: outgoing connections take their local
// ports from that range (32768–60999 on Linux by default), so a port picked
// inside it can be taken by any connection between the check and the listen —
// which a busy machine, with many connections to PostgreSQL, does.
import fs from 'node:fs';
import { createServer } from 'node:net';

const LOWEST = 20_000;

/** The first port of the kernel's ephemeral range (32768 where it cannot be read). */
function ephemeralStart(): number {
  try {
    const [low] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/);
    const port = Number(low);
    return Number.isInteger(port) && port > LOWEST + 1_000 ? port : 32_768;
  } catch {
    return 32_768;
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A base port with `count` ports free from it, all below the ephemeral range. */
export async function freePortBlock(count: number): Promise<number> {
  const span = ephemeralStart() - LOWEST - count;
  for (;;) {
    const base = LOWEST + Math.floor(Math.random() * span);
    const free = await Promise.all(Array.from({ length: count }, (_, i) => portFree(base + i)));
    if (free.every(Boolean)) return base;
  }
}
