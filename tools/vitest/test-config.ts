// The one vitest config factory every project calls (style guide rule 22).
// It resolves `@tessera/*` imports to sources through tsconfig.base.json `paths`, so tests run
// against the code as written (no build needed), and it only picks up files whose name states
// their kind: `src/**/*.unit.test.ts`, `src/**/*.int.test.ts`, `tests/**/*.e2e.test.ts`.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function workspaceAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const aliases: Record<string, string> = {};
  for (const [name, targets] of Object.entries(tsconfig.compilerOptions.paths)) {
    const target = targets[0];
    if (target) aliases[name] = join(workspaceRoot, target);
  }
  return aliases;
}

export interface TestConfigOptions {
  /**
   * Per-test timeout in milliseconds; integration suites that start processes raise it.
   * @default 20000
   */
  testTimeout?: number;
  /**
   * Run test files one after another (suites that bind fixed resources or are CPU-heavy).
   * @default false
   */
  sequential?: boolean;
}

/** Builds the vitest config of the project whose root is `projectRoot`. */
export function testConfig(projectRoot: string, options: TestConfigOptions = {}): ViteUserConfig {
  return defineConfig({
    root: projectRoot,
    cacheDir: join(workspaceRoot, 'node_modules/.vite', projectRoot.slice(workspaceRoot.length + 1)),
    resolve: { alias: workspaceAliases() },
    test: {
      include: ['src/**/*.unit.test.ts', 'src/**/*.int.test.ts', 'tests/**/*.e2e.test.ts'],
      environment: 'node',
      testTimeout: options.testTimeout ?? 20_000,
      hookTimeout: options.testTimeout ?? 20_000,
      fileParallelism: !options.sequential,
      reporters: ['default'],
      passWithNoTests: false,
      // Generated code (libs/proto/src/gen, DO NOT EDIT) is not ours to cover.
      coverage: { exclude: ['**/src/gen/**'] },
    },
  });
}
