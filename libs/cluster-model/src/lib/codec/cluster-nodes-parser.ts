// Reading CLUSTER NODES text, for clients, tools and tests (the inverse of renderClusterNodes; redis-cli
// `clusterManagerNodeLoadInfo`). `ClusterNodesParser` is a push parser emitting one event per node line,
// the same whatever the chunk split; `parseClusterNodes` returns the lines; `clusterStateFromNodes` assembles
// the ClusterState of the node that answered (its `myself` line), e.g. to render it back. No aux fields and no
// `vars` line here; a malformed line throws ClusterModelError RC_ERR_CLUSTER_MODEL_CLUSTER_NODES_INVALID
// naming it. Pure: no I/O.
import type { ClusterState } from '../model/cluster-state.js';
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES } from '../model/errors.js';
import { assembleState, type AssembleOptions, type NumberedLine } from './assemble-state.js';
import { LineSplitter } from './line-splitter.js';
import { parseNodeTokens, tokenize, type ParsedNodeLine } from './node-line-parser.js';
import type { NodesConfParserOptions } from './nodes-conf-parser.js';

export class ClusterNodesParser {
  private readonly lines: LineSplitter;

  constructor(
    private readonly onNode: (node: ParsedNodeLine, lineNumber: number) => void,
    options: NodesConfParserOptions = {},
  ) {
    this.lines = new LineSplitter((line, n) => this.line(line, n), clusterNodesError, options.maxLineLength);
  }

  push(chunk: string | Uint8Array): void {
    this.lines.push(chunk);
  }

  end(): void {
    this.lines.end();
  }

  private line(line: string, lineNumber: number): void {
    const tokens = tokenize(line);
    if (tokens.length === 0) return;
    const node = parseNodeTokens(tokens, false);
    if (typeof node === 'string') clusterNodesError(node, lineNumber);
    this.onNode(node, lineNumber);
  }
}

/** The node lines of a CLUSTER NODES reply, in order. */
export function parseClusterNodes(
  text: string | Uint8Array,
  options: NodesConfParserOptions = {},
): ParsedNodeLine[] {
  const nodes: ParsedNodeLine[] = [];
  const parser = new ClusterNodesParser((node) => nodes.push(node), options);
  parser.push(text);
  parser.end();
  return nodes;
}

export interface StateFromNodesOptions extends AssembleOptions, NodesConfParserOptions {
  /**
   * currentEpoch of the answering node (CLUSTER INFO `cluster_current_epoch`); CLUSTER NODES does not show it.
   * @default the largest configEpoch in the text
   */
  readonly currentEpoch?: bigint;
}

/** The ClusterState of the node whose CLUSTER NODES reply `text` is. */
export function clusterStateFromNodes(
  text: string | Uint8Array,
  options: StateFromNodesOptions = {},
): ClusterState {
  const lines: NumberedLine[] = [];
  const parser = new ClusterNodesParser((node, lineNumber) => lines.push({ node, lineNumber }), options);
  parser.push(text);
  parser.end();
  const vars =
    options.currentEpoch === undefined ? null : { currentEpoch: options.currentEpoch, lastVoteEpoch: 0n };
  return assembleState(lines, vars, options, clusterNodesError, lines.at(-1)?.lineNumber ?? 0);
}

function clusterNodesError(problem: string, line: number): never {
  throw new ClusterModelError(
    CLUSTER_MODEL_ERROR_CODES.CLUSTER_NODES_INVALID,
    `CLUSTER NODES line ${line}: ${problem}`,
    {
      line,
    },
  );
}
