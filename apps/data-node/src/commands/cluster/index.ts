// Cluster commands: the CLUSTER container and the connection flags cluster clients send (ASKING, READONLY,
// READWRITE). In standalone mode every one of them answers that cluster support is disabled.
import type { CommandSpec } from '../command-spec.js';
import { asking } from './asking.js';
import { cluster } from './cluster.js';
import { readonly } from './readonly.js';
import { readwrite } from './readwrite.js';

export const clusterCommands: readonly CommandSpec[] = [cluster, asking, readonly, readwrite];
