// A single-node Apache Kafka (KRaft, broker and controller in one JVM) for
// development and tests, built from the official Apache jars on Maven Central —
// no docker, no tarball mirror. `npm run kafka:local` runs it in the foreground;
// test setup imports startKafka() when KAFKA_BROKERS is not set.
//
// This file must run directly under Node's type stripping (`node
// tools/kafka-local.ts`), so it imports only node built-ins and uses only
// erasable TypeScript syntax.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
}

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

function pathsFor(dataDir: string, libDir?: string): KafkaPaths {
  const root = path.resolve(dataDir, 'kafka');
  return {
    root,
    lib: libDir ? path.resolve(libDir) : path.join(root, 'lib'),
    maven: path.join(root, 'maven'),
    data: path.join(root, 'data'),
    logs: path.join(root, 'logs'),
    config: path.join(root, 'config'),
    pidFile: path.join(root, 'broker.pid'),
    clusterIdFile: path.join(root, 'cluster.id'),
  };
}

export async function startKafka(options: StartKafkaOptions): Promise<RunningKafka> {
  const log = options.log ?? (() => {});
  const version = options.version ?? KAFKA_VERSION;
  const port = options.port ?? 9092;
  const controllerPort = options.controllerPort ?? port + 1;
  const paths = pathsFor(options.dataDir, options.libDir);

  checkJava();
  await refuseIfAlreadyRunning(paths, port, controllerPort);
  await mkdir(paths.logs, { recursive: true });
  await mkdir(paths.config, { recursive: true });

  await resolveJars(paths, version, log);
  const configFile = await writeConfig(paths, port, controllerPort);
  await formatStorage(paths, configFile, log);

  log(`starting Kafka ${version} (logs in ${paths.logs})`);
  const broker = launchBroker(paths, configFile);
  const exited = new Promise<number | null>((resolve) => {
    broker.once('exit', (code) => resolve(code));
    // A failed spawn emits 'error' and never 'exit'.
    broker.once('error', () => resolve(null));
  });
  // A JVM outlives a parent that exits without stopping it; kill it on any
  // ordinary exit of this process (jest crashing, an uncaught error).
  const killOnExit = (): void => {
    broker.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
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
    await waitUntilReady(port, exited, options.readyTimeoutMs ?? 90_000);
  } catch (error) {
    await stop();
    const tail = await logTail(paths);
    throw new KafkaLocalError(
      `${(error as Error).message}${tail ? `\n--- last lines of the broker log ---\n${tail}` : ''}`,
    );
  }
  return { brokers: `${HOST}:${port}`, pid: broker.pid ?? -1, logDir: paths.logs, exited, stop };
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

async function writeConfig(
  paths: KafkaPaths,
  port: number,
  controllerPort: number,
): Promise<string> {
  // Settings for one throwaway node: every internal topic with one replica,
  // no rebalance grace period (tests join groups constantly), and topics only
  // created on purpose (the bus transport creates its own).
  const properties = [
    '# Generated by tools/kafka-local.ts on every start; edits are overwritten.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${HOST}:${controllerPort}`,
    `listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${port}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${paths.data}`,
    'num.partitions=3',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'auto.create.topics.enable=false',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=4',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'log.retention.hours=168',
    'log.segment.bytes=104857600',
    '',
  ].join('\n');
  const file = path.join(paths.config, 'server.properties');
  await writeFile(file, properties);
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

async function formatStorage(
  paths: KafkaPaths,
  configFile: string,
  log: (line: string) => void,
): Promise<void> {
  if (existsSync(path.join(paths.data, 'meta.properties'))) return;
  let clusterId: string;
  try {
    clusterId = (await readFile(paths.clusterIdFile, 'utf8')).trim();
  } catch {
    clusterId = newClusterId();
    await writeFile(paths.clusterIdFile, `${clusterId}\n`);
  }
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
  ]);
  if (output.code !== 0) {
    throw new KafkaLocalError(
      `Formatting ${paths.data} failed (exit ${output.code}):\n${lastLines(output.text, 30)}`,
    );
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
  port: number,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new KafkaLocalError(`The Kafka broker exited during start-up (exit ${exitCode}).`);
    if (await metadataAnswers(port)) return;
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

async function main(): Promise<void> {
  const say = (line: string): void => console.log(`kafka-local: ${line}`);
  let kafka: RunningKafka;
  try {
    kafka = await startKafka({
      dataDir: process.env.DATA_DIR ?? './.data',
      port: portFromEnv(),
      version: process.env.KAFKA_VERSION ?? KAFKA_VERSION,
      log: say,
    });
  } catch (error) {
    console.error(
      `kafka-local: ${error instanceof KafkaLocalError ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  console.log(`Kafka ready on ${kafka.brokers}`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the broker`);
    kafka.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`kafka-local: stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const code = await kafka.exited;
  if (!stopping) {
    console.error(
      `kafka-local: the broker exited unexpectedly (exit ${code}); see ${kafka.logDir}/server.log`,
    );
    await kafka.stop();
    process.exit(1);
  }
}

// Not a top-level await: jest loads this file through require(), which
// refuses ES modules that use one.
if (isEntryModule()) {
  main().catch((error: unknown) => {
    console.error(`kafka-local: ${String(error)}`);
    process.exit(1);
  });
}
