// The bench runs under Node's type stripping, but the apps are NestJS code
// with decorators, which only the build (`npm run build`, into dist/) can
// run. Code of apps/ and tools/ is therefore loaded from dist/ — typed from
// its source — so the bench measures exactly what `npm start` runs.
// (`#spean/*` imports resolve to dist/ on their own: see package.json "imports".)
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Absolute path of a built file, e.g. distPath('apps/gateway/src/main.js'). */
export function distPath(relative: string): string {
  return path.join(REPOSITORY_ROOT, 'dist', relative);
}

/** Imports a built module; `T` is `typeof import('<its source>')`. */
export async function fromDist<T>(relative: string): Promise<T> {
  const file = distPath(relative);
  if (!fs.existsSync(file))
    throw new Error(`${path.relative(REPOSITORY_ROOT, file)} is missing: run npm run build first`);
  return (await import(pathToFileURL(file).href)) as T;
}
