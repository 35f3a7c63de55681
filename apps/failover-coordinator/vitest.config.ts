import { testConfig } from '../../tools/vitest/test-config.js';

export default testConfig(import.meta.dirname, { testTimeout: 30_000 });
