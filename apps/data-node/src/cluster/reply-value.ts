// The gossip-agent's answer to a forwarded CLUSTER subcommand, from the wire to the client: a
// ClusterCommandResponse becomes an AgentReply (checked first: every value has a kind, nesting is bounded),
// and an AgentReply is written in the client's protocol the way the data-node's own commands write theirs
// (maps are flat arrays in RESP2, null is `$-1` in RESP2 and `_` in RESP3, verbatim text a bulk string in
// RESP2). Proto types stop here. No I/O.
import type { ReplyWriter } from '@tessera/resp';
import type { ClusterCommandResponse, ReplyValue } from '@tessera/proto';
import { Err } from '../commands/reply-errors.js';
import type { AgentReply, AgentValue } from './agent-link.js';

/** Deeper replies are refused (no CLUSTER reply nests more than 4 levels). */
export const MAX_REPLY_DEPTH = 16;

/** The reply a response carries; a malformed one becomes `Err.agentBadReply`. */
export function agentReplyOf(response: ClusterCommandResponse): AgentReply {
  const outcome = response.outcome;
  if (outcome === undefined) return { kind: 'error', text: Err.agentBadReply };
  if (outcome.$case === 'error') return { kind: 'error', text: outcome.value };
  const value = agentValueOf(outcome.value, 0);
  if (value === null) return { kind: 'error', text: Err.agentBadReply };
  if (value.type === 'simple')
    return value.text === 'OK' ? { kind: 'ok' } : { kind: 'status', text: value.text };
  return { kind: 'value', value };
}

/** `value` as an AgentValue, or null when a value has no kind or nests deeper than MAX_REPLY_DEPTH. */
export function agentValueOf(value: ReplyValue | undefined, depth = 0): AgentValue | null {
  const kind = value?.kind;
  if (kind === undefined || depth > MAX_REPLY_DEPTH) return null;
  switch (kind.$case) {
    case 'simple':
      return { type: 'simple', text: kind.value };
    case 'integer':
      return { type: 'integer', value: kind.value };
    case 'bulk':
      return { type: 'bulk', bytes: kind.value };
    case 'verbatimText':
      return { type: 'verbatim', bytes: kind.value };
    case 'null':
      return { type: 'null' };
    case 'array': {
      const items: AgentValue[] = [];
      for (const item of kind.value.values) {
        const converted = agentValueOf(item, depth + 1);
        if (converted === null) return null;
        items.push(converted);
      }
      return { type: 'array', items };
    }
    case 'map': {
      const entries: [AgentValue, AgentValue][] = [];
      for (const entry of kind.value.entries) {
        const key = agentValueOf(entry.key, depth + 1);
        const item = agentValueOf(entry.value, depth + 1);
        if (key === null || item === null) return null;
        entries.push([key, item]);
      }
      return { type: 'map', entries };
    }
    default:
      return null;
  }
}

/** Writes `reply`; errors go through `error` (which counts them). */
export function writeAgentReply(writer: ReplyWriter, error: (text: string) => void, reply: AgentReply): void {
  switch (reply.kind) {
    case 'ok':
      writer.simple('OK');
      return;
    case 'status':
      writer.simple(reply.text);
      return;
    case 'error':
      error(reply.text);
      return;
    case 'value':
      writeAgentValue(writer, reply.value);
  }
}

/** Writes one value in the writer's protocol (RESP2 or RESP3). */
export function writeAgentValue(writer: ReplyWriter, value: AgentValue): void {
  switch (value.type) {
    case 'simple':
      writer.simple(value.text);
      return;
    case 'integer':
      writer.integer(value.value);
      return;
    case 'bulk':
      writer.bulk(value.bytes);
      return;
    case 'verbatim':
      writer.verbatim(value.bytes.toString('latin1'));
      return;
    case 'null':
      writer.nullBulk();
      return;
    case 'array':
      writer.arrayHeader(value.items.length);
      for (const item of value.items) writeAgentValue(writer, item);
      return;
    case 'map':
      writer.mapHeader(value.entries.length);
      for (const [key, item] of value.entries) {
        writeAgentValue(writer, key);
        writeAgentValue(writer, item);
      }
  }
}
