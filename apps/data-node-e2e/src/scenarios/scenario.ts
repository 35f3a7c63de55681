// A differential scenario: commands sent, in order and pipelined, to both a data-node and a real
// redis-server 7, whose replies must be identical byte for byte. Each scenario starts from an empty
// keyspace on a fresh connection.
export interface Scenario {
  readonly name: string;
  readonly commands: readonly (readonly (string | Buffer)[])[];
  /** Speak RESP3 (HELLO 3 first; its own reply is not compared). @default false */
  readonly resp3?: boolean;
}
