// Signs many message values at once on a worker thread, for a backfill: its
// event loop goes on validating the next records and feeding PostgreSQL while
// the worker signs, on the other core. Signing was a fifth of a backfill's
// main thread; libuv's thread pool is no way out, as crypto.sign's callback
// form costs the event loop most of a signature per value to set each job up.
// The signatures are exactly recordSigner()'s: the same key, the same bytes.
import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** The worker: a script (CommonJS), so that it needs no file of its own in the build. */
const WORKER_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const { sign } = require('node:crypto');
parentPort.on('message', ({ id, values }) => {
  try {
    const signatures = values.map((value) => sign(null, value, workerData.key).toString('base64url'));
    parentPort.postMessage({ id, signatures });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});`;

interface Pending {
  resolve(signatures: string[]): void;
  reject(error: Error): void;
}

export class WorkerSigner {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private stopped?: Error;

  constructor(privateKey: KeyObject) {
    this.worker = new Worker(WORKER_SCRIPT, { eval: true, workerData: { key: privateKey } });
    // Keeps the process alive only while it has values to sign.
    this.worker.unref();
    this.worker.on('message', (reply: { id: number; signatures?: string[]; error?: string }) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.settled(reply.id);
      if (reply.signatures) waiting.resolve(reply.signatures);
      else waiting.reject(new Error(`signing failed: ${reply.error}`));
    });
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', () => this.stop(new Error('the signing worker stopped')));
  }

  /** The detached signature of each value, base64url, in order. */
  sign(values: readonly Buffer[]): Promise<string[]> {
    const id = this.next++;
    return new Promise<string[]>((resolve, reject) => {
      if (this.stopped) return reject(this.stopped);
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, values });
    });
  }

  async close(): Promise<void> {
    this.stopped ??= new Error('the signing worker was closed');
    await this.worker.terminate();
  }

  private settled(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  /** Nothing more is signed: what waits fails with `error`. */
  private stop(error: Error): void {
    this.stopped ??= error;
    for (const [id, waiting] of [...this.pending]) {
      this.settled(id);
      waiting.reject(error);
    }
  }
}
