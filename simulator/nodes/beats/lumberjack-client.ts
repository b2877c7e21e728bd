/**
 * Filebeat's Logstash output: the lumberjack protocol over TCP (SEMANTICS §1 [FB4]).
 *
 * Up to `pipelining` batches are in flight unacknowledged on one connection. Logstash's
 * beats input ACKs a batch once its events are in the Logstash queue [LS8][LS1]; while
 * it is still blocked writing them it sends keep-alives, so a slow pipeline does not
 * trip the timeout. No word for `timeout` → the connection is closed and every batch
 * in flight on it is sent again after a backoff — if only the ACK was lost, that is a
 * duplicate [FB5]. Connecting to a process that is down is refused at once, and when the Logstash
 * process dies its host resets the connection, which fails the batches in flight without waiting
 * for `timeout` (a partition, which resets nothing, does wait for it).
 *
 * Several clients may talk to one Logstash (`worker` > 1 with `loadbalance`): connection numbers
 * come from one counter per Filebeat, so each client knows the ACKs of its own connections.
 *
 * With a `tcp`/`udp` input there is no application ACK: a batch counts as shipped as soon
 * as it is written to the socket (tcp: when a connection is up), so it can be lost.
 */
import type { Message, NodeContext } from '../../core/node.js';
import { outcome, type Batch, type BeatsOutputClient, type PublishOutcome } from './batch.js';

interface InFlight {
  batch: Batch;
  done: (o: PublishOutcome) => void;
}

/** Numbers the connections of one Filebeat process. */
export interface ConnCounter { next: number }

export class LumberjackClient implements BeatsOutputClient {
  private conn: number;
  /** Every connection this client opened: an ACK on one of them is this client's, even if it is closed. */
  private readonly ownConns = new Set<number>();
  private lastHeardMs = 0;
  private readonly inflight = new Map<number, InFlight>();

  constructor(
    private readonly ctx: NodeContext,
    readonly target: string,
    private readonly timeoutMs: number,
    private readonly input: 'beats' | 'tcp' | 'udp',
    private readonly conns: ConnCounter = { next: 0 },
  ) {
    this.conn = this.openConn();
  }

  private openConn(): number {
    const c = this.conns.next++;
    this.ownConns.add(c);
    return c;
  }

  publish(batch: Batch, done: (o: PublishOutcome) => void): void {
    const records = batch.events;
    if (this.input !== 'udp' && !this.ctx.isUp(this.target)) {
      this.ctx.timer(0, () => done(outcome({ retry: batch.events, connectionFailed: true })));
      return;
    }
    this.ctx.send(this.target, { kind: 'beats.batch', conn: this.conn, seq: batch.id, input: this.input, records } as Message);
    if (this.input !== 'beats') {
      // Fire and forget: nothing will ever confirm these events (SEMANTICS §2, tcp/udp inputs).
      this.ctx.timer(0, () => done(outcome({ acked: batch.events })));
      return;
    }
    if (this.inflight.size === 0) this.lastHeardMs = this.ctx.now();
    this.inflight.set(batch.id, { batch, done });
    this.armTimeout(this.conn, this.timeoutMs);
  }

  private armTimeout(conn: number, delayMs: number): void {
    this.ctx.timer(delayMs, () => {
      if (conn !== this.conn || this.inflight.size === 0) return;
      const silentFor = this.ctx.now() - this.lastHeardMs;
      if (silentFor < this.timeoutMs) {
        this.armTimeout(conn, this.timeoutMs - silentFor);
        return;
      }
      this.ctx.log('warn', `no ACK from ${this.target} within ${this.timeoutMs} ms: closing the connection, ${this.inflight.size} batch(es) will be resent`);
      this.closeConnection();
    });
  }

  /** Logstash died: its host reset the connection, so the batches in flight on it fail now and are resent after the backoff. */
  peerDown(address: string): void {
    if (address !== this.target || this.input !== 'beats' || this.inflight.size === 0) return;
    this.ctx.log('warn', `connection to ${this.target} reset (the process went down): ${this.inflight.size} batch(es) will be resent`);
    this.closeConnection();
  }

  private closeConnection(): void {
    this.conn = this.openConn();
    const failed = [...this.inflight.values()];
    this.inflight.clear();
    for (const f of failed) f.done(outcome({ retry: f.batch.events, connectionFailed: true }));
  }

  receive(msg: Message, from: string): boolean {
    if (from !== this.target) return false;
    const m = msg as Message & { conn?: number; seq?: number };
    if (m.conn === undefined || !this.ownConns.has(m.conn)) return false;
    if (msg.kind === 'beats.keepalive') {
      if (m.conn === this.conn) this.lastHeardMs = this.ctx.now();
      return true;
    }
    if (msg.kind !== 'beats.ack') return false;
    // An ACK on a connection already closed is ignored: those batches are being resent.
    if (m.conn !== this.conn || m.seq === undefined) return true;
    const entry = this.inflight.get(m.seq);
    if (!entry) return true;
    this.inflight.delete(m.seq);
    this.lastHeardMs = this.ctx.now();
    entry.done(outcome({ acked: entry.batch.events }));
    return true;
  }
}
