// IP address text as CLUSTER MEET checks it: parsed like inet_pton (AF_INET first, then AF_INET6) and printed
// back like glibc's inet_ntop, so `127.000.0.1` is refused and `0:0:0:0:0:0:0:1` is stored as `::1`
// (redis clusterStartHandshake). Written here because pure libs may not import node:net. Pure: no I/O.

/** The normalized form of an IPv4 or IPv6 address, or `null` when inet_pton would refuse it. */
export function normalizeIp(text: string): string | null {
  const v4 = parseIpv4(text);
  if (v4) return v4.join('.');
  const v6 = parseIpv6(text);
  return v6 ? formatIpv6(v6) : null;
}

/** Four octets of a dotted quad; no leading zeros, no missing parts (glibc inet_pton4). */
function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    octets.push(value);
  }
  return octets;
}

/** Eight 16-bit words (glibc inet_pton6: one `::` at most, an optional dotted quad at the end). */
function parseIpv6(text: string): number[] | null {
  if (text.length === 0 || text.length > 45) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] === '' ? [] : (halves[0] as string).split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : (halves[1] as string).split(':')) : [];
  const words: number[] = [];
  const pushGroups = (groups: string[], allowIpv4Last: boolean, into: number[]): boolean => {
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i] as string;
      if (allowIpv4Last && i === groups.length - 1 && group.includes('.')) {
        const v4 = parseIpv4(group);
        if (!v4) return false;
        into.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(group)) {
        into.push(parseInt(group, 16));
      } else {
        return false;
      }
    }
    return true;
  };
  const tailWords: number[] = [];
  if (halves.length === 1) {
    if (!pushGroups(head, true, words)) return null;
    return words.length === 8 ? words : null;
  }
  if (!pushGroups(head, false, words) || !pushGroups(tail, true, tailWords)) return null;
  const missing = 8 - words.length - tailWords.length;
  if (missing < 1) return null; // `::` stands for at least one zero group
  return [...words, ...new Array<number>(missing).fill(0), ...tailWords];
}

/** glibc inet_ntop6: longest run (>= 2) of zero words as `::`, lowercase hex, embedded IPv4 when mapped. */
function formatIpv6(words: number[]): string {
  let bestBase = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && words[end] === 0) end++;
    if (end - i > bestLength) {
      bestBase = i;
      bestLength = end - i;
    }
    i = end;
  }
  if (bestLength < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && bestBase === 0 && (bestLength === 6 || (bestLength === 5 && words[5] === 0xffff))) {
      const high = words[6] as number;
      const low = words[7] as number;
      return `${out}${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
    }
    out += (words[i] as number).toString(16);
  }
  if (bestBase >= 0 && bestBase + bestLength === 8) out += ':';
  return out;
}
