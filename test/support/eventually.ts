// Reads until `done` says the value is what the test waits for, or the time is up; returns the last value read.
export async function eventually<T>(
  look: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
  pauseMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await look();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
