/**
 * The network between endpoints. Every message crosses a link whose settings are the
 * healthy defaults overlaid by whichever link faults are active at send time; a
 * partition drops everything that crosses its boundary. A message that arrives at a
 * crashed endpoint is gone too (no process to read the socket).
 *
 * Link faults name spec node ids (`logstash->kafka`) or broker addresses
 * (`logstash->kafka/broker-2`), and apply in both directions.
 */
import type { LinkFaultSpec, PartitionFaultSpec } from '../spec/schema/faults.js';
import { HEALTHY_LINK, type LinkSettings } from './link.js';

export function groupOf(address: string): string {
  const slash = address.indexOf('/');
  return slash < 0 ? address : address.slice(0, slash);
}

/** Spec-level id of a link, as the ledger reports it (`filebeat->logstash`). */
export function linkId(from: string, to: string): string {
  return `${groupOf(from)}->${groupOf(to)}`;
}

export class NetworkFaults {
  readonly hasLinkFaults: boolean;
  readonly hasPartitions: boolean;

  constructor(
    private readonly links: readonly LinkFaultSpec[],
    private readonly partitions: readonly PartitionFaultSpec[],
  ) {
    this.hasLinkFaults = links.length > 0;
    this.hasPartitions = partitions.length > 0;
  }

  /** Settings for a message from → to sent at `timeMs`. Later faults in the list override earlier ones. */
  settings(from: string, to: string, timeMs: number): LinkSettings {
    if (this.links.length === 0) return HEALTHY_LINK;
    let result: LinkSettings = HEALTHY_LINK;
    for (const f of this.links) {
      if (timeMs < f.from || (f.to !== undefined && timeMs >= f.to)) continue;
      const [a, b] = f.link.split('->') as [string, string];
      if ((matches(a, from) && matches(b, to)) || (matches(a, to) && matches(b, from))) {
        result = {
          loss: f.loss,
          duplicate: f.duplicate,
          reorder: f.reorder,
          reorderDelayMs: f['reorder-delay'],
          delayMs: f.delay,
          jitterMs: f.jitter,
        };
      }
    }
    return result;
  }

  /** True when a partition active at `timeMs` separates the two endpoints. */
  cut(from: string, to: string, timeMs: number): boolean {
    for (const p of this.partitions) {
      if (timeMs < p.from || (p.to !== undefined && timeMs >= p.to)) continue;
      const inFrom = p.partition.some((m) => matches(m, from));
      const inTo = p.partition.some((m) => matches(m, to));
      if (inFrom !== inTo) return true;
    }
    return false;
  }

  /** Whether a fault is active on any link touching the group at time t (for the diagram). */
  activeLinkFaults(timeMs: number): LinkFaultSpec[] {
    return this.links.filter((f) => timeMs >= f.from && (f.to === undefined || timeMs < f.to));
  }
}

/** A fault name matches an address if it is the address or its group (node id). */
function matches(name: string, address: string): boolean {
  return name === address || name === groupOf(address);
}
