// AgentAdminService (admin.proto): read-only views for operators and tools — the topology snapshot the
// data-node gets, one node with its failure-report count, and the bus counters with refusals by reason.
import { status } from '@grpc/grpc-js';
import {
  CallRejectedError,
  type AuthenticatedImplementation,
  type AgentAdminServiceService,
} from '@tessera/proto';
import type { SnapshotPublisher } from '../attach/snapshot-publisher.js';
import type { BusStats } from '../bus/bus-stats.js';

type AdminImplementation = AuthenticatedImplementation<typeof AgentAdminServiceService>;

export function adminService(publisher: SnapshotPublisher, stats: BusStats): AdminImplementation {
  return {
    getTopology: () => ({ topology: publisher.current() }),
    getNode: (request) => {
      const id = request.nodeId?.value ?? '';
      const node = publisher.current().nodes.find((candidate) => candidate.id?.value === id);
      if (node === undefined) throw new CallRejectedError(status.NOT_FOUND, `unknown node ${id}`);
      return { node, failureReports: node.failureReports.length };
    },
    getBusStats: () => ({ counters: stats.counters(), rejected: Object.fromEntries(stats.rejected) }),
  };
}
