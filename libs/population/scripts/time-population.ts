// Times generatePopulation by hand; not a test and not part of `npm run bench`.
//
//   npm run build && node dist/libs/population/scripts/time-population.js [citizens] [seed]
//
// Prints the time to generate every record (nothing is serialised or sent),
// the records per type and the heap in use at the end, which stays flat
// because batches are dropped as soon as they are counted.

import { generatePopulation } from '#spean/population';

const citizens = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 1);
const started = performance.now();
const run = generatePopulation({ citizens, seed });
let batches = 0;
let records = 0;
for (const batch of run) {
  batches++;
  records +=
    batch.interior.length +
    batch.transport.length +
    batch.land.length +
    batch.commerce.length +
    batch.tax.length;
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `${citizens} citizens, seed ${seed}: ${records} records in ${batches} batches, ` +
    `${seconds.toFixed(2)} s (${Math.round(citizens / seconds)} citizens/s, ` +
    `${Math.round(records / seconds)} records/s), heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
);
console.log(JSON.stringify(run.counts, null, 2));
