// Summarises a V8 `.cpuprofile` (written by `node --cpu-prof`) into the functions with the most self time,
// mapping bundle positions back to source files through the bundle's source map when there is one. Reads
// files only; the profile itself is taken by the bench that calls this.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based. */
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  /** `name (file:line)`, source-mapped when possible. */
  name: string;
  /** Self time in ms. */
  selfMs: number;
  /** Share of the non-idle time, 0..100. */
  selfPercent: number;
  /** Share of the non-idle time with this function anywhere on the stack (inclusive), 0..100. */
  totalPercent: number;
}

export interface ProfileSummary {
  /** Sampled time excluding `(idle)`, ms. */
  busyMs: number;
  idleMs: number;
  top: ProfileEntry[];
}

/** V8 pseudo-frames that are reported under their own names. */
const IDLE = '(idle)';

function loadSourceMap(url: string, cache: Map<string, SourceMap | null>): SourceMap | null {
  if (cache.has(url)) return cache.get(url) ?? null;
  let map: SourceMap | null = null;
  try {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  } catch {
    map = null;
  }
  cache.set(url, map);
  return map;
}

function describe(frame: CallFrame, root: string, maps: Map<string, SourceMap | null>): string {
  const name = frame.functionName || '(anonymous)';
  if (frame.url === '') return name;
  const map = loadSourceMap(frame.url, maps);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry !== undefined && 'originalSource' in entry && entry.originalSource) {
    const source = entry.originalSource.replace(/^file:\/\//, '');
    const shown = source.includes('node_modules') ? source.slice(source.lastIndexOf('node_modules')) : source;
    return `${name} (${shown.replace(/^(\.\.\/)+/, '')}:${entry.originalLine + 1})`;
  }
  const file = frame.url.startsWith('file:') ? relative(root, fileURLToPath(frame.url)) : frame.url;
  return `${name} (${file}:${frame.lineNumber + 1})`;
}

/** The `limit` functions with most self time in the profile at `path`. */
export function summariseCpuProfile(path: string, root: string, limit = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const maps = new Map<string, SourceMap | null>();
  const names = new Map<number, string>();
  const parents = new Map<number, number>();
  const frames = new Map<number, CallFrame>();
  for (const node of profile.nodes) {
    frames.set(node.id, node.callFrame);
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  const nameOf = (id: number): string => {
    let name = names.get(id);
    if (name === undefined) {
      name = describe(frames.get(id) as CallFrame, root, maps);
      names.set(id, name);
    }
    return name;
  };
  const selfUs = new Map<string, number>();
  const totalUs = new Map<string, number>();
  let idleUs = 0;
  let busyUs = 0;
  const onStack = new Set<string>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    // timeDeltas[i] is the time since the previous sample; it is spent in the sampled frame.
    const delta = profile.timeDeltas[i] ?? 0;
    const frame = frames.get(id);
    if (frame === undefined) continue;
    if (frame.functionName === IDLE) {
      idleUs += delta;
      continue;
    }
    busyUs += delta;
    const name = nameOf(id);
    selfUs.set(name, (selfUs.get(name) ?? 0) + delta);
    onStack.clear();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) onStack.add(nameOf(at));
    for (const caller of onStack) totalUs.set(caller, (totalUs.get(caller) ?? 0) + delta);
  }
  const percent = (us: number): number => (busyUs === 0 ? 0 : (100 * us) / busyUs);
  const top = [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, us]) => ({
      name,
      selfMs: us / 1000,
      selfPercent: percent(us),
      totalPercent: percent(totalUs.get(name) ?? us),
    }));
  return { busyMs: busyUs / 1000, idleMs: idleUs / 1000, top };
}
