// Node links by `host:port`: created on first use, closed when the node leaves the topology (`retain`)
// or when the client closes. One pool per role (masters, READONLY replicas). No routing here.
import type { NodeAddress } from '../topology/node-address.js';
import { NodeLink, type NodeLinkOptions } from './node-link.js';

export class ConnectionPool {
  readonly #links = new Map<string, NodeLink>();

  constructor(private readonly options: NodeLinkOptions) {}

  /** The link to `address`, created on first use. */
  link(address: NodeAddress): NodeLink {
    let link = this.#links.get(address.key);
    if (link === undefined) {
      link = new NodeLink(address, this.options);
      this.#links.set(address.key, link);
    }
    return link;
  }

  /** `host:port` of every node with a link. */
  keys(): string[] {
    return [...this.#links.keys()];
  }

  /** Closes and forgets the links of nodes not in `keep` (nodes that left the topology). */
  async retain(keep: ReadonlySet<string>): Promise<void> {
    const closing: Promise<void>[] = [];
    for (const [key, link] of this.#links) {
      if (keep.has(key)) continue;
      this.#links.delete(key);
      closing.push(link.close());
    }
    await Promise.all(closing);
  }

  async close(): Promise<void> {
    const links = [...this.#links.values()];
    this.#links.clear();
    await Promise.all(links.map((link) => link.close()));
  }
}
