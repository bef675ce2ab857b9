// `npm test`: every jest suite (unit, PostgreSQL, Kafka), then the console's
// tests in a real browser (Playwright). With arguments, only jest runs, with
// those arguments (`npm test -- test/citizen`); `npm run test:browser` runs
// the browser tests alone.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

function run(command: string, commandArgs: string[]): void {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, [
  '--experimental-vm-modules',
  path.join(root, 'node_modules/jest/bin/jest.js'),
  ...args,
]);
if (args.length === 0)
  run(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test']);
