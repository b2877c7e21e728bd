/**
 * The `topic-partition` name Kafka uses for a partition (`logs-0`), which the model also uses as
 * a map key. Built once per pair and reused: the producer asks for it for every record it
 * batches, and a fresh string each time was measurable garbage.
 */
const keys = new Map<string, string[]>();

export function tpKey(topic: string, partition: number): string {
  let perTopic = keys.get(topic);
  if (perTopic === undefined) {
    perTopic = [];
    keys.set(topic, perTopic);
  }
  return (perTopic[partition] ??= `${topic}-${partition}`);
}
