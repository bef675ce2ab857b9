// Runs an app's HTTP server until SIGTERM or SIGINT, then closes the app
// (which stops its consumers), and after it the bus and the database.
import type { INestApplication } from '@nestjs/common';

export async function serveUntilStopped(
  app: INestApplication,
  listen: { port: number; host: string },
  closeAfter: Array<() => Promise<void>>,
): Promise<void> {
  let stopping: Promise<void> | undefined;
  const stop = (): void => {
    stopping ??= (async () => {
      await app.close();
      for (const close of closeAfter) await close();
    })().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await app.listen(listen.port, listen.host);
}
