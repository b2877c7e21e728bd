/** Minimal nodes for testing the core in isolation from the real component models. */
import type { Message, NodeContext, SimNode } from '../../simulator/core/node.js';

/** Records every message it receives, with the time it arrived. */
export class Recorder implements SimNode {
  received: { timeMs: number; msg: Message; from: string }[] = [];
  ctx!: NodeContext;
  constructor(readonly address: string) {}
  start(ctx: NodeContext): void {
    this.ctx = ctx;
  }
  receive(msg: Message, from: string): void {
    this.received.push({ timeMs: this.ctx.now(), msg, from });
  }
  crash(): void {}
  restart(): void {}
}

/**
 * A counter with a durable part (saved every `checkpointEvery` increments) and a volatile part:
 * after a crash and restart it resumes from the last saved value.
 */
export class CheckpointingCounter implements SimNode {
  volatile = 0;
  durable = 0;
  ticks = 0;
  ctx!: NodeContext;
  constructor(
    readonly address: string,
    private readonly checkpointEvery: number,
  ) {}
  start(ctx: NodeContext): void {
    this.ctx = ctx;
    this.tick();
  }
  private tick(): void {
    this.ctx.timer(10, () => {
      this.volatile++;
      this.ticks++;
      if (this.volatile % this.checkpointEvery === 0) this.durable = this.volatile;
      this.tick();
    });
  }
  receive(): void {}
  crash(): void {
    this.volatile = Number.NaN;
  }
  restart(): void {
    this.volatile = this.durable;
    this.tick();
  }
}
