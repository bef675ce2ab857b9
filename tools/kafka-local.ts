// Apache Kafka (KRaft, broker and controller in one JVM per node) for
// development and tests, built from the official Apache jars on Maven Central —
// no docker, no tarball mirror. `npm run kafka:local` runs one node in the
// foreground, `npm run kafka:local -- --nodes 3` a cluster of three
// (replication factor 3, min.insync.replicas 2); test setup imports
// startKafka() when KAFKA_BROKERS is not set.
//
// `--secure` (or `security` in the options) turns on SASL/SCRAM-SHA-512 on
// the client listener and the StandardAuthorizer with no access unless an ACL
// grants it; users are created when the storage is formatted, the ACLs come
// from tools/kafka-acls.ts. The controller listener stays PLAINTEXT on
// loopback, where its only callers are the nodes themselves (User:ANONYMOUS,
// a super user there so brokers may register and heartbeat).
//
// This file must run directly under Node's type stripping (`node
// tools/kafka-local.ts`), so it imports only node built-ins (and, only when
// secured, @platformatic/kafka, to authenticate and write ACLs) and uses only
// erasable TypeScript syntax.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KAFKA_ACL_TABLE_FILE, parseKafkaAclTable, usersOf, type KafkaAcl } from './kafka-acls.ts';

/**
 * The newest 4.x release whose full set of jars Maven Central serves (4.4.0's
 * kafka-tools-api was missing when this was written). Override with
 * KAFKA_VERSION; the log4j version must then still be one that release works with.
 */
export const KAFKA_VERSION = '4.3.1';
const SCALA_VERSION = '2.13';
/** The log4j 2 release Kafka 4.3 itself depends on (kafka-server's pom). */
const LOG4J_VERSION = '2.25.4';
/** Pinned so a re-run never depends on Maven's built-in default plugin version. */
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const MAIN_CLASS = 'kafka.Kafka';
const STORAGE_TOOL_CLASS = 'kafka.tools.StorageTool';
const HOST = '127.0.0.1';
const MIN_JAVA = 17;

export interface StartKafkaOptions {
  /** The root data directory; Kafka keeps everything under `<dataDir>/kafka`. */
  dataDir: string;
  /** Client (PLAINTEXT) port; the controller listens on port + 1 unless set. */
  port?: number;
  controllerPort?: number;
  /**
   * Where the jars are cached; `<dataDir>/kafka/lib` unless set. Tests that
   * use a fresh data directory per run point this at a shared cache.
   */
  libDir?: string;
  version?: string;
  /** Short progress lines; broker logs go to `<dataDir>/kafka/logs`. */
  log?: (line: string) => void;
  /** How long to wait for the broker to answer metadata requests. */
  readyTimeoutMs?: number;
  /** SASL/SCRAM on the client listener and ACLs; none (PLAINTEXT, no authorizer) unless set. */
  security?: KafkaSecurity;
}

export interface KafkaSecurity {
  /**
   * SCRAM-SHA-512 users by name, with their passwords, created when the
   * storage is first formatted. Must include `admin`: the super user the
   * brokers talk to each other as, and who writes the ACLs.
   */
  users: Readonly<Record<string, string>>;
  /** Written by the admin once the cluster answers (tools/kafka-acls.ts). */
  acls?: readonly KafkaAcl[];
}

/** The super user of a secured cluster. */
export const KAFKA_ADMIN_USER = 'admin';
export const KAFKA_SASL_MECHANISM = 'SCRAM-SHA-512';

export interface RunningKafka {
  /** Bootstrap servers, ready for KAFKA_BROKERS. */
  brokers: string;
  pid: number;
  logDir: string;
  /** Resolves with the exit code when the broker process ends, by stop() or by a crash. */
  exited: Promise<number | null>;
  /** SIGTERM, wait for a clean shutdown (SIGKILL after 30 s). */
  stop(): Promise<void>;
}

/** Thrown for problems the user fixes by installing or stopping something. */
export class KafkaLocalError extends Error {
  override name = 'KafkaLocalError';
}

interface KafkaPaths {
  root: string;
  lib: string;
  maven: string;
  data: string;
  logs: string;
  config: string;
  pidFile: string;
  clusterIdFile: string;
}

/** A node of a cluster keeps its data, logs and config under `kafka/node-<id>`; jars and the cluster id are shared. */
function pathsFor(dataDir: string, libDir?: string, nodeId?: number): KafkaPaths {
  const shared = path.resolve(dataDir, 'kafka');
  const root = nodeId === undefined ? shared : path.join(shared, `node-${nodeId}`);
  return {
    root,
    lib: libDir ? path.resolve(libDir) : path.join(shared, 'lib'),
    maven: path.join(shared, 'maven'),
    data: path.join(root, 'data'),
    logs: path.join(root, 'logs'),
    config: path.join(root, 'config'),
    pidFile: path.join(root, 'broker.pid'),
    clusterIdFile: path.join(shared, 'cluster.id'),
  };
}

/** One node's place in a cluster: its id, its listeners, and every controller's address. */
interface NodeSpec {
  id: number;
  port: number;
  controllerPort: number;
  /** `id@host:port` of every controller, for controller.quorum.voters. */
  voters: string;
  /** Replicas of every topic, and how many must have a write before it is acknowledged. */
  replicas: number;
  minInsyncReplicas: number;
  security?: KafkaSecurity;
}

export async function startKafka(options: StartKafkaOptions): Promise<RunningKafka> {
  const port = options.port ?? 9092;
  const controllerPort = options.controllerPort ?? port + 1;
  const node: NodeSpec = {
    id: 1,
    port,
    controllerPort,
    voters: `1@${HOST}:${controllerPort}`,
    replicas: 1,
    minInsyncReplicas: 1,
    security: checkSecurity(options.security),
  };
  const running = await startNode(options, node, pathsFor(options.dataDir, options.libDir));
  try {
    await writeAcls(running.brokers, options.security);
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}

/**
 * One broker, as startKafka, on a port it picks below Linux's ephemeral range
 * (32768+), so no outgoing connection holds it and a restart on the same port
 * finds it free. A port taken anyway (another run) means up to two more tries
 * on others, each on an empty `<dataDir>/kafka/data`.
 */
export async function startKafkaOnSomePort(
  options: Omit<StartKafkaOptions, 'port' | 'controllerPort'>,
): Promise<{ running: RunningKafka; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = 20_000 + 2 * Math.floor(Math.random() * 5_000);
    try {
      return { running: await startKafka({ ...options, port }), port };
    } catch (error) {
      await rm(path.join(options.dataDir, 'kafka', 'data'), { recursive: true, force: true });
      if (attempt === 3 || !/exited during start-up|in use/i.test(String(error))) throw error;
    }
  }
}

export interface StartKafkaClusterOptions extends Omit<StartKafkaOptions, 'controllerPort'> {
  /** Nodes, each a broker and a controller; 3 gives replication factor 3 and min.insync.replicas 2. */
  nodes: number;
}

export interface RunningKafkaNode extends RunningKafka {
  nodeId: number;
  port: number;
}

export interface RunningKafkaCluster {
  /** Bootstrap servers of every node, ready for KAFKA_BROKERS. */
  brokers: string;
  nodes: RunningKafkaNode[];
  /** Starts node `nodeId` again (after a crash or a kill) on its ports and data. */
  restartNode(nodeId: number): Promise<RunningKafkaNode>;
  stop(): Promise<void>;
}

/**
 * Several KRaft nodes, each broker and controller, on consecutive port pairs
 * from `port` (node i: client port + 2(i-1), controller port one above).
 * Topics get min(nodes, 3) replicas and need all but one of them in sync, so
 * with 3 nodes a write acknowledged with acks=all survives losing any one node,
 * the active controller included.
 */
export async function startKafkaCluster(
  options: StartKafkaClusterOptions,
): Promise<RunningKafkaCluster> {
  const base = options.port ?? 9092;
  const count = options.nodes;
  if (!Number.isInteger(count) || count < 1 || count > 9)
    throw new KafkaLocalError(`--nodes must be a whole number from 1 to 9, got ${count}.`);
  const replicas = Math.min(count, 3);
  const specs: NodeSpec[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    port: base + 2 * i,
    controllerPort: base + 2 * i + 1,
    voters: '',
    replicas,
    minInsyncReplicas: Math.max(replicas - 1, 1),
    security: checkSecurity(options.security),
  }));
  const voters = specs.map((n) => `${n.id}@${HOST}:${n.controllerPort}`).join(',');
  for (const spec of specs) spec.voters = voters;
  const pathsOf = (spec: NodeSpec): KafkaPaths =>
    pathsFor(options.dataDir, options.libDir, spec.id);
  // Jars and the cluster id once, before the nodes start side by side.
  checkJava();
  await clusterIdOf(pathsOf(specs[0]!));
  await resolveJars(
    pathsOf(specs[0]!),
    options.version ?? KAFKA_VERSION,
    options.log ?? (() => {}),
  );
  const start = async (spec: NodeSpec): Promise<RunningKafkaNode> => {
    const running = await startNode(options, spec, pathsOf(spec), { waitForQuorum: count > 1 });
    return { ...running, nodeId: spec.id, port: spec.port };
  };
  // Together: a controller quorum needs a majority of its voters up to elect a leader.
  const started = await Promise.allSettled(specs.map(start));
  const nodes = started.flatMap((each) => (each.status === 'fulfilled' ? [each.value] : []));
  const failed = started.find((each): each is PromiseRejectedResult => each.status === 'rejected');
  if (failed) {
    await Promise.all(nodes.map((node) => node.stop()));
    throw failed.reason;
  }
  const brokers = specs.map((n) => `${HOST}:${n.port}`).join(',');
  try {
    await writeAcls(brokers, options.security);
  } catch (error) {
    await Promise.all(nodes.map((node) => node.stop()));
    throw error;
  }
  return {
    brokers,
    nodes,
    async restartNode(nodeId: number) {
      const spec = specs.find((n) => n.id === nodeId);
      if (!spec) throw new KafkaLocalError(`There is no node ${nodeId}.`);
      const index = nodes.findIndex((n) => n.nodeId === nodeId);
      await nodes[index]!.stop();
      const node = await start(spec);
      nodes[index] = node;
      return node;
    },
    async stop() {
      await Promise.all(nodes.map((node) => node.stop()));
    },
  };
}

async function startNode(
  options: Omit<StartKafkaOptions, 'port' | 'controllerPort'>,
  node: NodeSpec,
  paths: KafkaPaths,
  how: { waitForQuorum?: boolean } = {},
): Promise<RunningKafka> {
  const log = options.log ?? (() => {});
  const version = options.version ?? KAFKA_VERSION;

  checkJava();
  await refuseIfAlreadyRunning(paths, node.port, node.controllerPort);
  await mkdir(paths.logs, { recursive: true });
  await mkdir(paths.config, { recursive: true });

  await resolveJars(paths, version, log);
  const configFile = await writeConfig(paths, node);
  await formatStorage(paths, configFile, log, node.security);

  log(`starting Kafka ${version} node ${node.id} on ${HOST}:${node.port} (logs in ${paths.logs})`);
  const broker = launchBroker(paths, configFile);
  // A JVM outlives a parent that exits without stopping it; kill it on any
  // ordinary exit of this process (jest crashing, an uncaught error).
  const killOnExit = (): void => {
    broker.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const exited = new Promise<number | null>((resolve) => {
    // However it ended (stopped, killed from outside), there is nothing left to kill.
    const ended = (code: number | null): void => {
      process.removeListener('exit', killOnExit);
      resolve(code);
    };
    broker.once('exit', (code) => ended(code));
    // A failed spawn emits 'error' and never 'exit'.
    broker.once('error', () => ended(null));
  });
  await writeFile(paths.pidFile, `${broker.pid}\n`);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (broker.exitCode === null && broker.signalCode === null) {
      broker.kill('SIGTERM');
      const timer = setTimeout(() => broker.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(paths.pidFile, { force: true });
  };

  try {
    // A node of a cluster answers metadata only once a controller is elected,
    // which needs a majority of the nodes: they are started together, so wait long.
    await waitUntilReady(
      node,
      exited,
      options.readyTimeoutMs ?? (how.waitForQuorum ? 180_000 : 90_000),
    );
  } catch (error) {
    await stop();
    const tail = await logTail(paths);
    throw new KafkaLocalError(
      `${(error as Error).message}${tail ? `\n--- last lines of the broker log ---\n${tail}` : ''}`,
    );
  }
  return {
    brokers: `${HOST}:${node.port}`,
    pid: broker.pid ?? -1,
    logDir: paths.logs,
    exited,
    stop,
  };
}

// ---------------------------------------------------------------- prerequisites

function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new KafkaLocalError(
      `Java ${MIN_JAVA}+ is needed to run Kafka: apt-get install openjdk-17-jre-headless (or any JDK ${MIN_JAVA}+ on PATH).`,
    );
  }
  // `java -version` writes to stderr: openjdk version "17.0.15" / "1.8.0_392".
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : 0;
  if (major < MIN_JAVA) {
    throw new KafkaLocalError(
      `Kafka 4 needs Java ${MIN_JAVA}+, found Java ${major || 'of unknown version'}: apt-get install openjdk-17-jre-headless.`,
    );
  }
}

function checkMaven(): void {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new KafkaLocalError(
      'Maven is needed to fetch the Kafka jars from Maven Central (once): apt-get install maven.',
    );
  }
}

/**
 * Two brokers on one data directory fight over its lock, and one on our port
 * would answer tests meant for a fresh broker: name the culprit instead.
 */
async function refuseIfAlreadyRunning(
  paths: KafkaPaths,
  port: number,
  controllerPort: number,
): Promise<void> {
  const stalePid = await earlierBrokerPid(paths);
  if (stalePid !== null) {
    throw new KafkaLocalError(
      `A Kafka broker (pid ${stalePid}) is already running from ${paths.root}, perhaps left by an earlier run. ` +
        `Stop it with \`kill ${stalePid}\`, or use it as it is through KAFKA_BROKERS.`,
    );
  }
  for (const [what, p] of [
    ['client', port],
    ['controller', controllerPort],
  ] as const) {
    if (await canConnect(p)) {
      const kafka = what === 'client' && (await metadataAnswers(p));
      throw new KafkaLocalError(
        kafka
          ? `Port ${p} on ${HOST} already has a Kafka broker (not started from ${paths.root}). ` +
              `Use it with KAFKA_BROKERS=${HOST}:${p}, or pick another port with KAFKA_PORT.`
          : `Port ${p} on ${HOST} (Kafka ${what} listener) is in use by another program. Pick another port with KAFKA_PORT.`,
      );
    }
  }
}

async function earlierBrokerPid(paths: KafkaPaths): Promise<number | null> {
  let pid: number;
  try {
    pid = Number((await readFile(paths.pidFile, 'utf8')).trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  // The pid may have been reused by an unrelated process since.
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(MAIN_CLASS) ? pid : null;
  } catch {
    return pid;
  }
}

// ---------------------------------------------------------------- jars

interface JarManifest {
  version: string;
  jars: string[];
}

async function jarsComplete(paths: KafkaPaths, version: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(
      await readFile(path.join(paths.lib, 'manifest.json'), 'utf8'),
    ) as JarManifest;
    return (
      manifest.version === version &&
      manifest.jars.every((jar) => existsSync(path.join(paths.lib, jar)))
    );
  } catch {
    return false;
  }
}

function pomFor(version: string): string {
  const dependency = (groupId: string, artifactId: string, v: string): string =>
    `    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${v}</version></dependency>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by tools/kafka-local.ts: the runtime classpath of a KRaft broker. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>spean.local</groupId>
  <artifactId>kafka-local</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
${[
  // kafka_2.13 is the broker (kafka.Kafka, kafka.tools.StorageTool); its pom
  // pulls the server, raft, metadata, storage and coordinator modules.
  dependency('org.apache.kafka', `kafka_${SCALA_VERSION}`, version),
  // Kafka logs through slf4j 1.7; without a binding the broker is silent.
  dependency('org.apache.logging.log4j', 'log4j-slf4j-impl', LOG4J_VERSION),
  dependency('org.apache.logging.log4j', 'log4j-core', LOG4J_VERSION),
  dependency('org.apache.logging.log4j', 'log4j-api', LOG4J_VERSION),
].join('\n')}
  </dependencies>
</project>
`;
}

async function resolveJars(
  paths: KafkaPaths,
  version: string,
  log: (line: string) => void,
): Promise<void> {
  if (await jarsComplete(paths, version)) return;
  checkMaven();
  log(`fetching Apache Kafka ${version} jars from Maven Central (once)`);
  await mkdir(paths.maven, { recursive: true });
  const pom = path.join(paths.maven, 'pom.xml');
  await writeFile(pom, pomFor(version));
  // Copy into a scratch directory and swap it in, so an interrupted fetch
  // never leaves a lib directory that looks complete (and two runs sharing
  // one cache do not write into each other's copy).
  const scratch = `${paths.lib}.partial-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  const output = await run('mvn', [
    '-q',
    '-B',
    '-f',
    pom,
    `${DEPENDENCY_PLUGIN}:copy-dependencies`,
    `-DoutputDirectory=${scratch}`,
    '-DincludeScope=runtime',
  ]);
  if (output.code !== 0) {
    throw new KafkaLocalError(
      `mvn could not fetch Kafka ${version} from Maven Central (exit ${output.code}):\n${lastLines(output.text, 30)}`,
    );
  }
  const jars = (await readdir(scratch)).filter((name) => name.endsWith('.jar')).sort();
  if (!jars.some((jar) => jar.startsWith(`kafka_${SCALA_VERSION}-`))) {
    throw new KafkaLocalError(`mvn finished but ${scratch} holds no kafka_${SCALA_VERSION} jar.`);
  }
  const manifest: JarManifest = { version, jars };
  await writeFile(path.join(scratch, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(paths.lib, { recursive: true, force: true });
  try {
    await rename(scratch, paths.lib);
  } catch (error) {
    // Another run sharing the cache swapped its copy in first.
    await rm(scratch, { recursive: true, force: true });
    if (!(await jarsComplete(paths, version))) throw error;
  }
  log(`fetched ${jars.length} jars into ${paths.lib}`);
}

// ---------------------------------------------------------------- configuration

async function writeConfig(paths: KafkaPaths, node: NodeSpec): Promise<string> {
  // Settings for a throwaway development cluster: internal topics replicated
  // like every other, no rebalance grace period (tests join groups
  // constantly), and topics only created on purpose (the bus transport
  // creates its own).
  const { replicas, minInsyncReplicas } = node;
  const client = node.security ? 'SASL_PLAINTEXT' : 'PLAINTEXT';
  const properties = [
    '# Generated by tools/kafka-local.ts on every start; edits are overwritten.',
    'process.roles=broker,controller',
    `node.id=${node.id}`,
    `controller.quorum.voters=${node.voters}`,
    `listeners=${client}://${HOST}:${node.port},CONTROLLER://${HOST}:${node.controllerPort}`,
    `advertised.listeners=${client}://${HOST}:${node.port}`,
    `inter.broker.listener.name=${client}`,
    'controller.listener.names=CONTROLLER',
    `listener.security.protocol.map=CONTROLLER:PLAINTEXT,${client}:${client}`,
    ...(node.security ? securityProperties(node.security) : []),
    `log.dirs=${paths.data}`,
    'num.partitions=3',
    `default.replication.factor=${replicas}`,
    `min.insync.replicas=${minInsyncReplicas}`,
    // Only an in-sync replica may become leader: an acknowledged write is never dropped.
    'unclean.leader.election.enable=false',
    'auto.create.topics.enable=false',
    `offsets.topic.replication.factor=${replicas}`,
    'offsets.topic.num.partitions=10',
    `transaction.state.log.replication.factor=${replicas}`,
    `transaction.state.log.min.isr=${minInsyncReplicas}`,
    'transaction.state.log.num.partitions=4',
    `share.coordinator.state.topic.replication.factor=${replicas}`,
    `share.coordinator.state.topic.min.isr=${minInsyncReplicas}`,
    'group.initial.rebalance.delay.ms=0',
    'log.retention.hours=168',
    'log.segment.bytes=104857600',
    '',
  ].join('\n');
  const file = path.join(paths.config, 'server.properties');
  // It holds the admin's password when the cluster is secured.
  await writeFile(file, properties, { mode: 0o600 });
  await writeFile(path.join(paths.config, 'log4j2.xml'), log4jConfig());
  return file;
}

function log4jConfig(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by tools/kafka-local.ts: broker logs go to files, never to the terminal. -->
<Configuration status="WARN" shutdownHook="disable">
  <Appenders>
    <RollingFile name="server" fileName="\${sys:kafka.logs.dir}/server.log" filePattern="\${sys:kafka.logs.dir}/server.log.%i">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
      <Policies><SizeBasedTriggeringPolicy size="20 MB"/></Policies>
      <DefaultRolloverStrategy max="3"/>
    </RollingFile>
  </Appenders>
  <Loggers>
    <Logger name="kafka.request.logger" level="WARN"/>
    <Logger name="state.change.logger" level="WARN"/>
    <Root level="INFO"><AppenderRef ref="server"/></Root>
  </Loggers>
</Configuration>
`;
}

/** Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding. */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    // Kafka's own generator rejects ids starting with '-': they read as CLI flags.
    if (!id.startsWith('-')) return id;
  }
}

/** The cluster's id, made on first use; every node of a cluster formats its storage with it. */
async function clusterIdOf(paths: KafkaPaths): Promise<string> {
  try {
    return (await readFile(paths.clusterIdFile, 'utf8')).trim();
  } catch {
    const clusterId = newClusterId();
    await mkdir(path.dirname(paths.clusterIdFile), { recursive: true });
    await writeFile(paths.clusterIdFile, `${clusterId}\n`);
    return clusterId;
  }
}

async function formatStorage(
  paths: KafkaPaths,
  configFile: string,
  log: (line: string) => void,
  security?: KafkaSecurity,
): Promise<void> {
  if (existsSync(path.join(paths.data, 'meta.properties'))) return;
  const clusterId = await clusterIdOf(paths);
  log(`formatting KRaft storage (cluster id ${clusterId})`);
  const output = await run('java', [
    ...jvmLoggingArgs(paths),
    '-cp',
    path.join(paths.lib, '*'),
    STORAGE_TOOL_CLASS,
    'format',
    '--config',
    configFile,
    '--cluster-id',
    clusterId,
    ...scramArgs(security),
  ]);
  if (output.code !== 0) {
    throw new KafkaLocalError(
      `Formatting ${paths.data} failed (exit ${output.code}):\n${lastLines(output.text, 30)}`,
    );
  }
}

// ---------------------------------------------------------------- security

const USER_NAME = /^[a-z][a-z0-9-]{0,62}$/;
// SCRAM credentials are passed as `[name=…,password=…]` to the storage tool
// and as a JAAS string to the broker: no quotes, commas, brackets or spaces.
const PASSWORD = /^[A-Za-z0-9._~@%+-]{8,128}$/;

function checkSecurity(security: KafkaSecurity | undefined): KafkaSecurity | undefined {
  if (!security) return undefined;
  if (!Object.hasOwn(security.users, KAFKA_ADMIN_USER))
    throw new KafkaLocalError(
      `A secured Kafka needs a password for the "${KAFKA_ADMIN_USER}" user.`,
    );
  for (const [name, password] of Object.entries(security.users)) {
    if (!USER_NAME.test(name))
      throw new KafkaLocalError(
        `Kafka user "${name}" must be lower-case letters, digits and dashes, starting with a letter.`,
      );
    if (!PASSWORD.test(password))
      throw new KafkaLocalError(
        `The password of Kafka user "${name}" must be 8 to 128 letters, digits or . _ ~ @ % + -.`,
      );
  }
  return security;
}

function securityProperties(security: KafkaSecurity): string[] {
  const admin = security.users[KAFKA_ADMIN_USER]!;
  return [
    `sasl.enabled.mechanisms=${KAFKA_SASL_MECHANISM}`,
    `sasl.mechanism.inter.broker.protocol=${KAFKA_SASL_MECHANISM}`,
    `listener.name.sasl_plaintext.${KAFKA_SASL_MECHANISM.toLowerCase()}.sasl.jaas.config=` +
      `org.apache.kafka.common.security.scram.ScramLoginModule required username="${KAFKA_ADMIN_USER}" password="${admin}";`,
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    // ANONYMOUS is only ever the loopback controller listener's callers: the nodes.
    `super.users=User:${KAFKA_ADMIN_USER};User:ANONYMOUS`,
    'allow.everyone.if.no.acl.found=false',
  ];
}

/** KRaft has no user store before the cluster runs: SCRAM users are written into the first metadata. */
function scramArgs(security: KafkaSecurity | undefined): string[] {
  if (!security) return [];
  return Object.entries(security.users).flatMap(([name, password]) => [
    '--add-scram',
    `${KAFKA_SASL_MECHANISM}=[name=${name},password=${password}]`,
  ]);
}

type PlatformaticKafka = typeof import('@platformatic/kafka');

function adminOf(kafka: PlatformaticKafka, brokers: string, security: KafkaSecurity) {
  return new kafka.Admin({
    clientId: 'kafka-local',
    bootstrapBrokers: brokers.split(','),
    sasl: {
      mechanism: KAFKA_SASL_MECHANISM,
      username: KAFKA_ADMIN_USER,
      password: security.users[KAFKA_ADMIN_USER]!,
    },
    retries: 0,
    connectTimeout: 2_000,
    timeout: 5_000,
  });
}

/** metadataAnswers() for a SASL listener: the admin authenticates first. */
async function securedMetadataAnswers(port: number, security: KafkaSecurity): Promise<boolean> {
  const kafka = await import('@platformatic/kafka');
  const admin = adminOf(kafka, `${HOST}:${port}`, security);
  try {
    const metadata = await admin.metadata({ topics: [], forceUpdate: true });
    return metadata.brokers.size > 0 && metadata.controllerId >= 0;
  } catch {
    return false;
  } finally {
    await admin.close().catch(() => {});
  }
}

async function writeAcls(brokers: string, security: KafkaSecurity | undefined): Promise<void> {
  if (!security?.acls?.length) return;
  const kafka = await import('@platformatic/kafka');
  const admin = adminOf(kafka, brokers, security);
  try {
    await admin.createAcls({
      creations: security.acls.flatMap((acl) =>
        acl.operations.map((operation) => ({
          principal: acl.principal,
          host: '*',
          resourceType: kafka.ResourceTypes[acl.resourceType],
          resourceName: acl.resourceName,
          resourcePatternType: kafka.ResourcePatternTypes.LITERAL,
          operation: kafka.AclOperations[operation],
          permissionType: kafka.AclPermissionTypes.ALLOW,
        })),
      ),
    });
  } catch (error) {
    throw new KafkaLocalError(`Writing the Kafka ACLs failed: ${String(error)}`);
  } finally {
    await admin.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- the broker

function jvmLoggingArgs(paths: KafkaPaths): string[] {
  return [
    `-Dkafka.logs.dir=${paths.logs}`,
    `-Dlog4j2.configurationFile=${path.join(paths.config, 'log4j2.xml')}`,
  ];
}

function launchBroker(paths: KafkaPaths, configFile: string): ChildProcess {
  // Whatever the JVM prints outside log4j (crash reports, GC warnings) lands
  // beside the log files rather than in the caller's terminal.
  const out = openSync(path.join(paths.logs, 'kafka.out'), 'a');
  try {
    return spawn(
      'java',
      [
        '-Xms256m',
        '-Xmx1g',
        '-XX:+UseG1GC',
        '-Djava.awt.headless=true',
        ...jvmLoggingArgs(paths),
        '-cp',
        path.join(paths.lib, '*'),
        MAIN_CLASS,
        configFile,
      ],
      { stdio: ['ignore', out, out] },
    );
  } finally {
    closeSync(out);
  }
}

async function waitUntilReady(
  node: NodeSpec,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  const port = node.port;
  const answers = node.security
    ? (): Promise<boolean> => securedMetadataAnswers(port, node.security!)
    : (): Promise<boolean> => metadataAnswers(port);
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new KafkaLocalError(`The Kafka broker exited during start-up (exit ${exitCode}).`);
    if (await answers()) return;
    await sleep(250);
  }
  throw new KafkaLocalError(
    `The Kafka broker did not answer on ${HOST}:${port} within ${timeoutMs / 1000} s.`,
  );
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: HOST, port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Sends a Metadata v4 request (all topics) and checks that the answer names at
 * least one broker and an active controller: an open port alone does not mean
 * the node has caught up with its own metadata log.
 */
function metadataAnswers(port: number): Promise<boolean> {
  const correlationId = 0x5bea0001;
  const clientId = Buffer.from('kafka-local');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4 + 1);
  let at = 0;
  at = body.writeInt16BE(3, at); // api key: Metadata
  at = body.writeInt16BE(4, at); // api version
  at = body.writeInt32BE(correlationId, at);
  at = body.writeInt16BE(clientId.length, at);
  at += clientId.copy(body, at);
  at = body.writeInt32BE(-1, at); // topics: null = all
  body.writeInt8(0, at); // allow_auto_topic_creation: false
  const frame = Buffer.alloc(4 + body.length);
  frame.writeInt32BE(body.length, 0);
  body.copy(frame, 4);

  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    const socket = createConnection({ host: HOST, port });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write(frame));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      try {
        finish(parseMetadataV4(received.subarray(4), correlationId));
      } catch {
        finish(false);
      }
    });
  });
}

function parseMetadataV4(response: Buffer, correlationId: number): boolean {
  let at = 0;
  if (response.readInt32BE(at) !== correlationId) return false;
  at += 4 + 4; // correlation id, throttle_time_ms
  const brokers = response.readInt32BE(at);
  at += 4;
  for (let i = 0; i < brokers; i++) {
    at += 4; // node_id
    at += 2 + response.readInt16BE(at); // host
    at += 4; // port
    const rack = response.readInt16BE(at);
    at += 2 + Math.max(rack, 0);
  }
  const clusterId = response.readInt16BE(at);
  at += 2 + Math.max(clusterId, 0);
  const controllerId = response.readInt32BE(at);
  return brokers > 0 && controllerId >= 0;
}

// ---------------------------------------------------------------- helpers

function run(command: string, args: string[]): Promise<{ code: number | null; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, text: Buffer.concat(chunks).toString('utf8') }));
  });
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

async function logTail(paths: KafkaPaths): Promise<string> {
  const parts: string[] = [];
  for (const name of ['server.log', 'kafka.out']) {
    try {
      const text = lastLines(await readFile(path.join(paths.logs, name), 'utf8'), 15);
      if (text) parts.push(text);
    } catch {
      // a file that was never written has nothing to add
    }
  }
  return parts.join('\n');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------- CLI

function isEntryModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

function portFromEnv(): number {
  const raw = process.env.KAFKA_PORT ?? '9092';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65534) {
    throw new KafkaLocalError(
      `KAFKA_PORT must be a port number between 1 and 65534, got "${raw}".`,
    );
  }
  return port;
}

/** `--nodes N` (or `--nodes=N`); 1 unless given. */
function nodesFromArgs(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const raw = arg === '--nodes' ? argv[i + 1] : arg.startsWith('--nodes=') ? arg.slice(8) : null;
    if (raw === null) continue;
    const nodes = Number(raw);
    if (!Number.isInteger(nodes) || nodes < 1 || nodes > 9)
      throw new KafkaLocalError(`--nodes must be a whole number from 1 to 9, got "${raw ?? ''}".`);
    return nodes;
  }
  return 1;
}

/**
 * `--secure`: the users and ACLs of docker/kafka-acls.txt (generated from the
 * adapter definitions), each user's password `<user>-dev-password` — a
 * development cluster on loopback, never a production one.
 */
function securityFromArgs(argv: string[]): KafkaSecurity | undefined {
  if (!argv.includes('--secure')) return undefined;
  const table = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    KAFKA_ACL_TABLE_FILE,
  );
  const acls = parseKafkaAclTable(readFileSync(table, 'utf8'));
  const users = Object.fromEntries(
    [KAFKA_ADMIN_USER, ...usersOf(acls)].map((user) => [user, `${user}-dev-password`]),
  );
  return { users, acls };
}

function describeSecurity(security: KafkaSecurity | undefined, say: (line: string) => void): void {
  if (!security) return;
  say(
    `SASL_PLAINTEXT with ${KAFKA_SASL_MECHANISM}, ACLs from ${KAFKA_ACL_TABLE_FILE}; users ${Object.keys(security.users).join(', ')}, ` +
      `each with the password <user>-dev-password (development only)`,
  );
  say(
    `e.g. KAFKA_SASL_MECHANISM=${KAFKA_SASL_MECHANISM} KAFKA_USERNAME=gateway KAFKA_PASSWORD=gateway-dev-password`,
  );
}

async function main(): Promise<void> {
  const say = (line: string): void => console.log(`kafka-local: ${line}`);
  let nodes: number;
  let security: KafkaSecurity | undefined;
  try {
    nodes = nodesFromArgs(process.argv.slice(2));
    security = securityFromArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`kafka-local: ${(error as Error).message}`);
    process.exit(1);
  }
  if (nodes > 1) return runCluster(nodes, say, security);
  const kafka = await startedOrExit(() => startKafka(foregroundOptions(say, security)));
  console.log(`Kafka ready on ${kafka.brokers}`);
  describeSecurity(security, say);

  const stopping = stopOnSignal('the broker', () => kafka.stop(), say);
  const code = await kafka.exited;
  if (!stopping()) {
    console.error(
      `kafka-local: the broker exited unexpectedly (exit ${code}); see ${kafka.logDir}/server.log`,
    );
    await kafka.stop();
    process.exit(1);
  }
}

/** What a broker or a cluster in the foreground is started with: DATA_DIR, KAFKA_PORT, KAFKA_VERSION. */
function foregroundOptions(say: (line: string) => void, security: KafkaSecurity | undefined) {
  return {
    dataDir: process.env.DATA_DIR ?? './.data',
    port: portFromEnv(),
    version: process.env.KAFKA_VERSION ?? KAFKA_VERSION,
    log: say,
    security,
  };
}

/** What `start` started, or its failure said on standard error and exit status 1. */
async function startedOrExit<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    console.error(
      `kafka-local: ${error instanceof KafkaLocalError ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}

/**
 * A cluster in the foreground. A node that dies is reported and left down —
 * the point of a cluster is that the others carry on; Ctrl-C stops them all.
 */
async function runCluster(
  count: number,
  say: (line: string) => void,
  security: KafkaSecurity | undefined,
): Promise<void> {
  const cluster = await startedOrExit(() =>
    startKafkaCluster({ ...foregroundOptions(say, security), nodes: count }),
  );
  console.log(`Kafka cluster of ${count} nodes ready on ${cluster.brokers}`);
  describeSecurity(security, say);
  for (const node of cluster.nodes)
    say(`node ${node.nodeId}: ${HOST}:${node.port}, pid ${node.pid}`);
  const stopping = stopOnSignal('the cluster', () => cluster.stop(), say);
  for (const node of cluster.nodes) {
    void node.exited.then((code) => {
      if (!stopping())
        say(
          `node ${node.nodeId} (pid ${node.pid}) exited (${code ?? 'killed'}); the others carry on`,
        );
    });
  }
}

/** Ctrl-C or SIGTERM stops `what` and exits; the answer says whether a stop has begun. */
function stopOnSignal(
  what: string,
  stop: () => Promise<void>,
  say: (line: string) => void,
): () => boolean {
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping ${what}`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`kafka-local: stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  return () => stopping;
}

// Not a top-level await: jest loads this file through require(), which
// refuses ES modules that use one.
if (isEntryModule()) {
  main().catch((error: unknown) => {
    console.error(`kafka-local: ${String(error)}`);
    process.exit(1);
  });
}
