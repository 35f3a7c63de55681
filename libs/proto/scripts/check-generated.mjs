// Fails when libs/proto/src/gen differs from what `nx run proto:generate` just produced from proto/:
// a changed or deleted tracked file (git diff) or a new untracked one. Runs after generate (see
// project.json `check-generated`), in CI and locally; it only reads git state, never writes.
import { execFileSync } from 'node:child_process';

const GEN = 'libs/proto/src/gen';

function git(args) {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

const changed = git(['diff', '--name-only', '--', GEN]).trim();
const untracked = git(['ls-files', '--others', '--exclude-standard', '--', GEN]).trim();

if (changed || untracked) {
  if (changed) {
    console.error(`Generated code is out of date with proto/. Changed files:\n${changed}\n`);
    console.error(git(['diff', '--stat', '--', GEN]));
  }
  if (untracked) console.error(`Generated files not committed:\n${untracked}\n`);
  console.error(`Fix: run \`npm run generate\` and commit ${GEN} together with the .proto change.`);
  process.exit(1);
}
console.log(`${GEN} matches proto/.`);
