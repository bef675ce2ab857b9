// For suites that start apps as their own processes: a port nothing listens on,
// and waiting for an app's /health to answer 200.
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port on 127.0.0.1 free at the moment of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `${url}/health` answers 200; throws after timeoutMs. */
export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.status === 200) return;
    } catch {
      // not listening (yet, or again)
    }
    if (Date.now() > deadline)
      throw new Error(`${url}/health did not answer 200 within ${timeoutMs} ms`);
    await sleep(100);
  }
}
