// Baseline "PostGraphile" (a peer): PostGraphile v5 (amber preset, Grafast
// execution) serving the gateway's read-model tables straight from the bench
// database, as the app role, on the same pool size as the gateway. Told two
// facts it cannot see for itself: subject_id and deleted are indexed (by the
// partial index read_record_subject, which PostGraphile does not count), and
// read_related_subject (record_type, record_id) points at read_record — so
// the closest equivalent of a citizen lookup is one GraphQL request:
//
//   query($id: String!) {
//     allReadRecords(condition: { subjectId: $id, deleted: false }) { nodes { … } }
//     allReadRelatedSubjects(condition: { subjectId: $id }) {
//       nodes { readRecordByRecordTypeAndRecordId { … } } }
//   }
//
// No authorisation and no audit, as PostGraphile would be run without
// row-level security. GET /health answers 200.
import http from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { jsonPgSmartTags } from 'postgraphile/utils';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL must name the bench database');
const port = Number(process.env.PORT ?? 3901);

const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [
    jsonPgSmartTags({
      version: 1,
      config: {
        class: {
          read_record: {
            attribute: {
              subject_id: { tags: { isIndexed: true } },
              deleted: { tags: { isIndexed: true } },
            },
          },
          read_related_subject: {
            tags: {
              foreignKey:
                '(record_type, record_id) references read_record (record_type, record_id)',
            },
          },
        },
      },
    }),
  ],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const instance = postgraphile(preset);
const serv = instance.createServ(grafserv);
// Built now, so the first measured request does not pay for introspection.
await instance.getSchemaResult();
const handle = serv.createHandler();
const server = http.createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"status":"ok"}');
    return;
  }
  handle(request, response);
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1');

const stop = (): void => {
  server.close();
  server.closeAllConnections();
  void Promise.allSettled([serv.release(), instance.release()])
    .then(() => pool.end())
    .finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
