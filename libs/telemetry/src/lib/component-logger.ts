// Derives a component's logger from the root logger (style rule 21): binds `component` once so each
// line says which part of which process wrote it. Names mirror folders: `data-node:server`,
// `cluster-client:pool`. Per-request context is added by the component itself with `.child({...})`.
import type { Logger } from 'pino';
import { InvalidComponentNameError } from './errors.js';

// Lowercase kebab-case segments joined by `:`.
const COMPONENT_NAME = /^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)*$/;

/**
 * Returns `root.child({ component: name })`.
 * @throws InvalidComponentNameError when `name` is not `segment(:segment)*` in lowercase kebab-case,
 * or when `root` already belongs to a component (that would write `component` twice per line).
 */
export function componentLogger(root: Logger, name: string): Logger {
  if (!COMPONENT_NAME.test(name)) {
    throw new InvalidComponentNameError(
      `component name ${JSON.stringify(name.slice(0, 64))} must be lowercase kebab-case segments joined by ':', e.g. 'data-node:server'`,
    );
  }
  const parent: unknown = root.bindings()['component'];
  if (parent !== undefined) {
    throw new InvalidComponentNameError(
      `componentLogger needs the root logger, but was given the logger of component '${String(parent)}'; ` +
        `call componentLogger(root, '${String(parent)}:${name}') instead`,
    );
  }
  return root.child({ component: name });
}
