// Whether a peer is on the loopback interface (Redis's connIsLocal): protected mode and
// enable-debug-command `local` allow only such peers. Pure.

/** True for 127.0.0.0/8 (also IPv4-mapped `::ffff:127.x`) and `::1`. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** The host part of an `ip:port` client address (IPv6 hosts contain colons too). */
export function hostOf(addr: string): string {
  const colon = addr.lastIndexOf(':');
  return colon === -1 ? addr : addr.slice(0, colon);
}
