/**
 * Filebeat's Logstash output with several `hosts` and `loadbalance: false` (the default) [FB6]:
 * one connection at a time. Every batch goes to the active host; when its connection fails, the
 * next connection is made to another host. libbeat's failover client (libbeat/outputs/failover.go)
 * picks the first host at random, with two hosts then alternates, and with more picks another at
 * random. The simulation draws those choices from the Filebeat node's seeded stream, so a run
 * stays reproducible; the real choice differs from process to process.
 */
import type { Message } from '../../core/node.js';
import type { Rng } from '../../core/prng.js';
import type { Batch, BeatsOutputClient, PublishOutcome } from './batch.js';

export class FailoverClient implements BeatsOutputClient {
  private active: number;
  /** The active connection failed: the next publish connects to another host. */
  private reconnect = false;

  constructor(
    private readonly clients: readonly BeatsOutputClient[],
    private readonly rng: Rng,
  ) {
    this.active = rng.int(0, clients.length - 1);
  }

  /** Index of the host that gets the next batch (for tests and inspection). */
  get activeHost(): number {
    return this.active;
  }

  publish(batch: Batch, done: (o: PublishOutcome) => void): void {
    if (this.reconnect) {
      this.reconnect = false;
      this.active = this.nextHost();
    }
    this.clients[this.active]!.publish(batch, (o) => {
      if (o.connectionFailed) this.reconnect = true;
      done(o);
    });
  }

  private nextHost(): number {
    const n = this.clients.length;
    if (n === 2) return 1 - this.active;
    // Random among the others (failover.go draws until it differs from the active one).
    const k = this.rng.int(0, n - 2);
    return k >= this.active ? k + 1 : k;
  }

  receive(msg: Message, from: string): boolean {
    return this.clients.some((c) => c.receive(msg, from));
  }

  peerDown(address: string): void {
    for (const c of this.clients) c.peerDown?.(address);
  }
}
