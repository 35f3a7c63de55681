import { testConfig } from '../../tools/vitest/test-config.js';

// Each file starts real clusters (a data-node and a gossip-agent process per node): one file at a time, so
// 2 cores are not shared by two clusters whose failure detectors would then flap.
export default testConfig(import.meta.dirname, { testTimeout: 120_000, sequential: true });
