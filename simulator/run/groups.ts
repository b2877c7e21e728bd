/**
 * Consumer groups at the end of a run, summed over partitions, so a check can read a group's
 * lag (`groups.<group>.lag`): records of its topic it has not committed. Read from each Kafka
 * cluster's own description, the same one `kafka-consumer-groups --describe` prints.
 */
import type { GroupDescription } from '../nodes/kafka/client-api.js';
import type { GroupSummary } from './result.js';

interface Describable {
  describe(): { groups: GroupDescription[] };
}

const describable = (c: unknown): c is Describable => c !== null && typeof c === 'object' && typeof (c as Describable).describe === 'function';

export function consumerGroupsOf(components: ReadonlyMap<string, unknown>): Record<string, GroupSummary> {
  // Null prototype: a group id is the author's text and may be `__proto__`.
  const out: Record<string, GroupSummary> = Object.create(null) as Record<string, GroupSummary>;
  for (const component of components.values()) {
    if (!describable(component)) continue;
    const groups = component.describe().groups;
    if (!Array.isArray(groups)) continue;
    for (const g of groups) {
      out[g.group] = {
        topic: g.topic,
        lag: g.committed.reduce((sum, p) => sum + p.lag, 0),
        committed: g.committed.reduce((sum, p) => sum + (p.offset ?? 0), 0),
        members: g.members.length,
      };
    }
  }
  return out;
}
