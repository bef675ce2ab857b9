// Baseline "bare endpoint" (the floor): the same one SQL round trip a
// citizen lookup makes — the gateway's own ReadModelRepository.sectionsOf,
// every section — behind a plain node:http server returning JSON. No
// GraphQL, no token, no authorisation, no audit: what is left when
// everything Spean adds is taken away.
//
//   GET /citizens/<national id>  → { nationalId, records: [...] }
//   GET /health                  → 200
import http from 'node:http';
import { CITIZEN_SECTIONS } from '#spean/access';
import { Database } from '#spean/persistence';
import { fromDist } from '../harness/dist.ts';

const { ReadModelRepository } = await fromDist<
  typeof import('../../apps/gateway/src/read-model/read-model.repository.ts')
>('apps/gateway/src/read-model/read-model.repository.js');

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL must name the bench database');
const port = Number(process.env.PORT ?? 3900);

// The gateway's pool size, so both wait on the database the same way.
const database = new Database({ url: databaseUrl, applicationName: 'bench-bare', poolSize: 20 });
const records = new ReadModelRepository(database);
const ownTypes = CITIZEN_SECTIONS.map((section) => section.recordType);
const relatedTypes = CITIZEN_SECTIONS.filter((section) => section.match === 'any').map(
  (section) => section.recordType,
);

const server = http.createServer((request, response) => {
  const send = (status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  };
  const url = request.url ?? '/';
  if (url === '/health') return send(200, { status: 'ok' });
  const match = /^\/citizens\/(\d{10})$/.exec(url);
  if (request.method !== 'GET' || !match) return send(404, { error: 'not found' });
  records.sectionsOf(match[1]!, ownTypes, relatedTypes).then(
    (rows) => send(200, { nationalId: match[1], records: rows }),
    (error: unknown) => send(500, { error: (error as Error).message }),
  );
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1');

const stop = (): void => {
  server.close();
  server.closeAllConnections();
  void database.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
