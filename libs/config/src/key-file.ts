// Secret key files a service creates on first boot: readable by the service
// user only, never overwritten, shared by instances that mount the same file.
import fs from 'node:fs';
import path from 'node:path';

export function loadOrCreateKeyFile(file: string, create: () => string): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // wx: two instances booting at once must not overwrite each other's key.
    try {
      fs.writeFileSync(file, create(), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return fs.readFileSync(file, 'utf8');
}
