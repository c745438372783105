// Per instance, not in Redis: sticky balancing sends a client to few instances, and a local count never goes stale.
export class SocketConnectionCap {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerAddress: number) {}

  admits(address: string): boolean {
    return (this.open.get(address) ?? 0) < this.maxPerAddress;
  }

  // False when handshakes that raced past `admits` went over the cap.
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
