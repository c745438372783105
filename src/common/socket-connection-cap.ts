/**
 * Open connections per client address, on this instance. Counted here rather than in Redis: the
 * cap is against one client holding thousands of sockets, which it can only do on the instances
 * it reaches, and with sticky load balancing (ip_hash) those are one or few; a count here costs
 * nothing per connection and cannot go stale when an instance dies.
 */
export class SocketConnectionCap {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerAddress: number) {}

  /** Whether a new connection from this address may start its handshake. */
  admits(address: string): boolean {
    return (this.open.get(address) ?? 0) < this.maxPerAddress;
  }

  /** Counts an opened connection; false when handshakes that raced past `admits` went over the cap. */
  opened(address: string): boolean {
    const count = (this.open.get(address) ?? 0) + 1;
    this.open.set(address, count);
    return count <= this.maxPerAddress;
  }

  closed(address: string): void {
    const count = (this.open.get(address) ?? 0) - 1;
    if (count > 0) this.open.set(address, count);
    else this.open.delete(address);
  }
}
