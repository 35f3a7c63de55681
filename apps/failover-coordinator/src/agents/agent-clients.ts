// The coordinator's side of FailoverAgentService (failover.proto): one authenticated grpc-js channel per agent
// bus address, every call with a deadline (reconnects back off 100 ms - 1 s, as the agents' own links).
// `AgentCalls` is the port the coordinator uses, so its tests run it against fakes. Mechanism only.
import { credentials } from '@grpc/grpc-js';
import {
  AuthenticatedClient,
  FailoverAgentServiceService,
  type BusKey,
  type GetFailoverViewResponse,
  type RequestVoteRequest,
  type RequestVoteResponse,
  type TakeOverRequest,
  type TakeOverResponse,
} from '@tessera/proto';

/** What the coordinator asks of an agent at `address` (`host:port`); each rejects when the call fails. */
export interface AgentCalls {
  view(address: string, deadline: number): Promise<GetFailoverViewResponse>;
  requestVote(address: string, request: RequestVoteRequest, deadline: number): Promise<RequestVoteResponse>;
  takeOver(address: string, request: TakeOverRequest, deadline: number): Promise<TakeOverResponse>;
  close(): void;
}

const CHANNEL_OPTIONS = {
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.min_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 1000,
  'grpc.max_receive_message_length': 16 * 1024 * 1024,
};

type Client = AuthenticatedClient<typeof FailoverAgentServiceService>;

export class GrpcAgentCalls implements AgentCalls {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly keys: readonly BusKey[]) {}

  view(address: string, deadline: number): Promise<GetFailoverViewResponse> {
    return this.client(address).unary('getFailoverView', {}, { deadline });
  }

  requestVote(address: string, request: RequestVoteRequest, deadline: number): Promise<RequestVoteResponse> {
    return this.client(address).unary('requestVote', request, { deadline });
  }

  takeOver(address: string, request: TakeOverRequest, deadline: number): Promise<TakeOverResponse> {
    return this.client(address).unary('takeOver', request, { deadline });
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  private client(address: string): Client {
    let client = this.clients.get(address);
    if (client === undefined) {
      client = new AuthenticatedClient(FailoverAgentServiceService, address, credentials.createInsecure(), {
        keys: this.keys,
        channelOptions: CHANNEL_OPTIONS,
      });
      this.clients.set(address, client);
    }
    return client;
  }
}

/** `ip:busPort`, IPv6 in brackets. */
export function agentAddress(ip: string, busPort: number): string {
  return ip.includes(':') ? `[${ip}]:${busPort}` : `${ip}:${busPort}`;
}
