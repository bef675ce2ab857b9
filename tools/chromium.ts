// The browser the console's tests and benchmark drive: Debian's Chromium
// headless shell (apt-get install chromium-headless-shell; .ci/run does it),
// never a downloaded one, started for a closed network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // No calls home, no component updates.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
