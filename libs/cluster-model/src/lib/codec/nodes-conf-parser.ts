// Reading nodes.conf (redis `clusterLoadConfig`). `NodesConfParser` is a push parser: feed chunks (text or
// UTF-8 bytes) in any sizes, it emits one event per node line and per `vars` line to the sink given at
// construction, the same events whatever the split; `parseNodesConf` runs it over a whole file and assembles
// the ClusterState. Blank lines are skipped; `vars` takes currentEpoch and lastVoteEpoch (unknown variables are
// skipped, as Redis does); anything malformed throws ClusterModelError RC_ERR_CLUSTER_MODEL_NODES_CONF_INVALID
// naming the line. An empty file is an error here: Redis treats it as "no config yet", the agent checks that.
// Pure: no I/O.
import type { ClusterState } from '../model/cluster-state.js';
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES, quote } from '../model/errors.js';
import { parseEpoch } from '../model/epoch.js';
import { assembleState, type AssembleOptions, type NumberedLine, type Vars } from './assemble-state.js';
import { LineSplitter } from './line-splitter.js';
import { parseNodeTokens, tokenize, type ParsedNodeLine } from './node-line-parser.js';

export interface NodesConfSink {
  onNode(node: ParsedNodeLine, lineNumber: number): void;
  onVars(vars: Vars, lineNumber: number): void;
}

export interface NodesConfParserOptions {
  /**
   * Longest line accepted, in characters.
   * @default 2098176 (Redis's own loader limit, 1024 + 16384 * 128)
   */
  readonly maxLineLength?: number;
}

export class NodesConfParser {
  private readonly lines: LineSplitter;
  private vars: Vars = { currentEpoch: 0n, lastVoteEpoch: 0n };

  constructor(
    private readonly sink: NodesConfSink,
    options: NodesConfParserOptions = {},
  ) {
    this.lines = new LineSplitter((line, n) => this.line(line, n), nodesConfError, options.maxLineLength);
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
    if ((tokens[0] as string).toLowerCase() === 'vars') {
      this.sink.onVars(this.parseVars(tokens, lineNumber), lineNumber);
      return;
    }
    const node = parseNodeTokens(tokens, true);
    if (typeof node === 'string') nodesConfError(node, lineNumber);
    this.sink.onNode(node, lineNumber);
  }

  private parseVars(tokens: readonly string[], lineNumber: number): Vars {
    if (tokens.length % 2 === 0) nodesConfError('vars must be followed by name/value pairs', lineNumber);
    let { currentEpoch, lastVoteEpoch } = this.vars;
    for (let i = 1; i < tokens.length; i += 2) {
      const name = (tokens[i] as string).toLowerCase();
      if (name !== 'currentepoch' && name !== 'lastvoteepoch') continue;
      const value = parseEpoch(tokens[i + 1] as string);
      if (value === null)
        nodesConfError(`${tokens[i]} ${quote(tokens[i + 1] as string)} is not a uint64`, lineNumber);
      if (name === 'currentepoch') currentEpoch = value;
      else lastVoteEpoch = value;
    }
    this.vars = { currentEpoch, lastVoteEpoch };
    return this.vars;
  }
}

export interface ParseNodesConfOptions extends AssembleOptions, NodesConfParserOptions {}

/** Parses a whole nodes.conf into a ClusterState. */
export function parseNodesConf(text: string | Uint8Array, options: ParseNodesConfOptions = {}): ClusterState {
  const lines: NumberedLine[] = [];
  let vars: Vars | null = null;
  let lastLine = 0;
  const parser = new NodesConfParser(
    {
      onNode: (node, lineNumber) => {
        lines.push({ node, lineNumber });
        lastLine = lineNumber;
      },
      onVars: (parsed, lineNumber) => {
        vars = parsed;
        lastLine = lineNumber;
      },
    },
    options,
  );
  parser.push(text);
  parser.end();
  return assembleState(lines, vars, options, nodesConfError, lastLine);
}

function nodesConfError(problem: string, line: number): never {
  throw new ClusterModelError(
    CLUSTER_MODEL_ERROR_CODES.NODES_CONF_INVALID,
    `nodes.conf line ${line}: ${problem}`,
    {
      line,
    },
  );
}
