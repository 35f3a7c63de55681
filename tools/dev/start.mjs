// `npm start`: builds the data-node and runs one on port 7000, for trying it with redis-cli or a client.
// Output goes straight to the terminal; Ctrl-C (SIGINT) or SIGTERM is forwarded to the node, which shuts
// down gracefully, and this script exits with the node's status. Extra arguments are passed to the node
// (`npm start -- --requirepass s3cret`). The cluster work will replace this with a dev cluster.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const NX = join(ROOT, 'node_modules/.bin/nx');
const MAIN = join(ROOT, 'dist/apps/data-node/main.js');
const PORT = '7000';

const build = spawnSync(NX, ['build', 'data-node'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const node = spawn(process.execPath, [MAIN, '--port', PORT, ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => node.kill(signal));
}
node.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
