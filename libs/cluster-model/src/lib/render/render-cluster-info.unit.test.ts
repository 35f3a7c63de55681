// CLUSTER INFO text: field order, CRLF, counters (ops-reliability A1).
import { describe, expect, it } from 'vitest';
import { id, stateOf } from '../../testing/fixtures.js';
import { renderClusterInfo } from './render-cluster-info.js';

describe('renderClusterInfo', () => {
  it('writes the fields in Redis order with CRLF, counting slots by owner health', () => {
    const state = stateOf(
      [
        `${id('a')} 127.0.0.1:7000@17000 myself,slave ${id('b')} 0 0 4 connected`,
        `${id('b')} 127.0.0.1:7001@17001 master - 0 0 4 connected 0-99`,
        `${id('c')} 127.0.0.1:7002@17002 master,fail? - 0 0 5 connected 100-149`,
        `${id('d')} 127.0.0.1:7003@17003 master,fail - 0 0 6 connected 150-159`,
        `${id('e')} 127.0.0.1:7004@17004 handshake - 0 0 0 disconnected`,
      ],
      {},
      11n,
    );
    const text = renderClusterInfo(
      { ...state, health: 'fail', size: 3 },
      {
        messagesSent: { ping: 5, pong: 7, update: 1 },
        messagesReceived: { pong: 6, 'auth-req': 2, publishshard: 1 },
      },
    );
    expect(text).toBe(
      [
        'cluster_state:fail',
        'cluster_slots_assigned:160',
        'cluster_slots_ok:100',
        'cluster_slots_pfail:50',
        'cluster_slots_fail:10',
        'cluster_known_nodes:5',
        'cluster_size:3',
        'cluster_current_epoch:11',
        'cluster_my_epoch:4',
        'cluster_stats_messages_ping_sent:5',
        'cluster_stats_messages_pong_sent:7',
        'cluster_stats_messages_update_sent:1',
        'cluster_stats_messages_sent:13',
        'cluster_stats_messages_pong_received:6',
        'cluster_stats_messages_auth-req_received:2',
        'cluster_stats_messages_publishshard_received:1',
        'cluster_stats_messages_received:9',
        'total_cluster_links_buffer_limit_exceeded:0',
        '',
      ].join('\r\n'),
    );
  });
});
