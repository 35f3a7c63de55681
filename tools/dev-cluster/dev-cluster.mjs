// `npm start` / `node tools/dev-cluster/dev-cluster.mjs`: builds tessera and runs a local multi-process
// cluster in the foreground — by default 3 masters and 3 replicas on ports 7000-7005 — formed with the real
// `redis-cli --cluster create`, plus a failover-coordinator (gRPC 9100) that promotes a replica when a master
// fails; then prints how to connect. Ctrl-C (or SIGTERM) stops every process gracefully.
//
// Everything lives in one folder (default .dev-cluster/ at the repo root): <port>/node.log (the data-node's
// log and its gossip-agent's), <port>/nodes.conf (+ .json), coordinator-<n>.log, and `secret` (the cluster
// bus secret, made on first start). Starting again with the same folder brings the same cluster back from its nodes.conf files;
// --fresh wipes it first.
//
//   --masters N (3)  --replicas R (1 per master)  --port P (7000, first port)  --node-timeout MS (5000)
//   --dir PATH (.dev-cluster)  --fresh  --no-build
//   --coordinators N (1; 0 for none: no automatic failover)  --coordinator-port P (9100, then P+1...)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const NX = join(ROOT, 'node_modules/.bin/nx');
const DATA_NODE = join(ROOT, 'dist/apps/data-node/main.js');
const COORDINATOR = join(ROOT, 'dist/apps/failover-coordinator/main.js');

function parseArgs(argv) {
  const options = {
    masters: 3,
    replicas: 1,
    port: 7000,
    nodeTimeout: 5000,
    dir: join(ROOT, '.dev-cluster'),
    fresh: false,
    build: true,
    coordinators: 1,
    coordinatorPort: 9100,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) fail(`${flag} needs a value`);
      return next;
    };
    const integer = (min, max) => {
      const text = value();
      const number = Number(text);
      if (!/^[0-9]+$/.test(text) || number < min || number > max)
        fail(`${flag} must be an integer in ${min}..${max}`);
      return number;
    };
    if (flag === '--masters') options.masters = integer(1, 100);
    else if (flag === '--replicas') options.replicas = integer(0, 10);
    else if (flag === '--port') options.port = integer(1, 55535);
    else if (flag === '--node-timeout') options.nodeTimeout = integer(100, 600000);
    else if (flag === '--dir') options.dir = resolve(value());
    else if (flag === '--fresh') options.fresh = true;
    else if (flag === '--no-build') options.build = false;
    else if (flag === '--coordinators') options.coordinators = integer(0, 10);
    else if (flag === '--coordinator-port') options.coordinatorPort = integer(1, 65525);
    else if (flag === '-h' || flag === '--help') {
      process.stdout.write(
        readFileSync(fileURLToPath(import.meta.url), 'utf8')
          .split('\nimport')[0]
          .replace(/^\/\/ ?/gm, '') + '\n',
      );
      process.exit(0);
    } else fail(`unknown option ${flag} (see --help)`);
  }
  if (options.masters < 3 && options.replicas > 0)
    fail('redis-cli --cluster create needs at least 3 masters');
  return options;
}

function fail(message) {
  process.stderr.write(`dev-cluster: ${message}\n`);
  process.exit(2);
}

function portOpen(port) {
  return new Promise((done) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function redisCli(args) {
  const result = spawnSync('redis-cli', args, { encoding: 'utf8' });
  if (result.error) fail('redis-cli not found: run tools/bootstrap (installs redis-tools)');
  return result;
}

function clusterInfo(port) {
  const out = redisCli(['-p', String(port), 'CLUSTER', 'INFO']).stdout ?? '';
  return Object.fromEntries(
    out
      .split(/\r?\n/)
      .filter((line) => line.includes(':'))
      .map((line) => line.split(':')),
  );
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const count = options.masters * (1 + options.replicas);
  const ports = Array.from({ length: count }, (_, i) => options.port + i);
  if (options.build) {
    const build = spawnSync(
      NX,
      ['run-many', '-t', 'build', '-p', 'data-node', 'gossip-agent', 'failover-coordinator'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  for (const port of ports) {
    if ((await portOpen(port)) || (await portOpen(port + 10000))) {
      fail(
        `port ${port} or its bus port ${port + 10000} is in use (another dev cluster? stop it, or pass --port)`,
      );
    }
  }
  if (options.fresh) rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const secretFile = join(options.dir, 'secret');
  if (!existsSync(secretFile))
    writeFileSync(secretFile, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600 });

  const nodes = ports.map((port) => {
    const dir = join(options.dir, String(port));
    mkdirSync(dir, { recursive: true });
    const log = createWriteStream(join(dir, 'node.log'), { flags: 'a' });
    const child = spawn(
      process.execPath,
      [
        DATA_NODE,
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        'nodes.conf',
        '--cluster-node-timeout',
        String(options.nodeTimeout),
        '--cluster-bus-secret-file',
        secretFile,
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    return { port, child, exited: new Promise((r) => child.once('exit', r)) };
  });

  // Failover-coordinators, started once the cluster is formed; stopped first.
  const coordinators = [];
  const startCoordinator = (n) => {
    const port = options.coordinatorPort + n;
    const log = createWriteStream(join(options.dir, `coordinator-${n}.log`), { flags: 'a' });
    const child = spawn(
      process.execPath,
      [COORDINATOR, '--agents', ports.map((p) => `127.0.0.1:${p + 10000}`).join(','), '--port', String(port)],
      {
        cwd: options.dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TESSERA_CLUSTER_SECRET_FILE: secretFile },
      },
    );
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.once('exit', (code, signal) => {
      if (!stopping)
        process.stderr.write(
          `coordinator ${n} exited (code ${code}, signal ${signal}); see coordinator-${n}.log\n`,
        );
    });
    coordinators.push({ port, child, exited: new Promise((r) => child.once('exit', r)) });
  };

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nstopping the dev cluster...\n');
    for (const coordinator of coordinators)
      if (coordinator.child.exitCode === null) coordinator.child.kill('SIGTERM');
    await Promise.all(coordinators.map((coordinator) => coordinator.exited));
    for (const node of nodes) if (node.child.exitCode === null) node.child.kill('SIGTERM');
    const timer = setTimeout(() => nodes.forEach((node) => node.child.kill('SIGKILL')), 8000);
    await Promise.all(nodes.map((node) => node.exited));
    clearTimeout(timer);
    process.stdout.write(`stopped. Logs and data stay in ${options.dir}\n`);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  for (const node of nodes) {
    node.child.once('exit', (code, signal) => {
      if (stopping) return;
      process.stderr.write(
        `node ${node.port} exited (code ${code}, signal ${signal}); see ${join(options.dir, String(node.port), 'node.log')}\n`,
      );
    });
  }

  try {
    await waitFor(
      'every node to listen',
      async () => (await Promise.all(ports.map(portOpen))).every(Boolean),
      30_000,
    );
    const fresh = ports.every((port) => clusterInfo(port).cluster_known_nodes === '1');
    if (fresh) {
      const create = redisCli([
        '--cluster',
        'create',
        ...ports.map((port) => `127.0.0.1:${port}`),
        '--cluster-replicas',
        String(options.replicas),
        '--cluster-yes',
      ]);
      if (create.status !== 0)
        throw new Error(`redis-cli --cluster create failed:\n${create.stdout}${create.stderr}`);
    } else {
      process.stdout.write(
        'existing cluster configuration found: the nodes reload it (use --fresh for a new cluster)\n',
      );
    }
    await waitFor(
      'cluster_state:ok on every node',
      () => ports.every((port) => clusterInfo(port).cluster_state === 'ok'),
      60_000,
    );
    for (let n = 0; n < options.coordinators; n++) startCoordinator(n);
    await waitFor(
      'the failover-coordinators to listen',
      async () => (await Promise.all(coordinators.map((c) => portOpen(c.port)))).every(Boolean),
      30_000,
    );
  } catch (error) {
    process.stderr.write(`dev-cluster: ${error.message}\n`);
    await stop(1);
    return;
  }
  const first = options.port;
  process.stdout.write(
    [
      '',
      `tessera dev cluster is up: ${options.masters} masters, ${options.replicas} replica(s) each, ports ${first}-${first + count - 1}`,
      '',
      `  redis-cli -c -p ${first}                       # follows MOVED`,
      `  redis-cli --cluster check 127.0.0.1:${first}`,
      `  redis-cli -p ${first} cluster nodes`,
      `  new Redis.Cluster([{ host: '127.0.0.1', port: ${first} }])   // ioredis`,
      '',
      coordinators.length === 0
        ? 'no failover-coordinator: a failed master is not replaced automatically (CLUSTER FAILOVER still works)'
        : `failover-coordinator(s) on port(s) ${coordinators.map((c) => c.port).join(', ')}: kill a master and its replica takes over`,
      `logs and data: ${options.dir}/<port>/node.log, nodes.conf, coordinator-<n>.log`,
      'Ctrl-C stops every process.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  process.stderr.write(`dev-cluster: ${error.stack ?? error}\n`);
  process.exit(1);
});
