// The V8 settings the gateway process is started with, by every launcher:
// `npm start` (tools/start.ts), the image's CMD and docker-compose.yml (kept
// equal by test/deploy/docker-compose.spec.ts), and the benchmark.
//
// Why: the gateway's live heap is about 50 MB after boot and stays there under
// lookup load (heap snapshots after boot and after a c=64 load differ by 3 MB,
// mostly compiled code). What grows is garbage: on a machine with 16 GB or
// more, V8's default heap limit lets the old generation grow to four times the
// live size before a full collection, and the young generation reaches 32 MB
// per semi-space, so resident memory climbed to 400+ MB under load. A 512 MB
// old-space limit lowers V8's growth factor to about 1.4 (far above the live
// heap, so no legitimate peak runs out of it), and 16 MB semi-spaces halve the
// young generation; peak resident memory under load falls below 300 MB.
export const GATEWAY_NODE_FLAGS: readonly string[] = [
  '--max-old-space-size=512',
  '--max-semi-space-size=16',
];
