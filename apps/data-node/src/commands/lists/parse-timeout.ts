// moved to ../../util/parse-timeout.ts; re-exported until zsets imports the new path
export { parseTimeout } from '../../util/parse-timeout.js';
