/**
 * The producer configuration the Logstash kafka output (logstash-integration-kafka 12.1.4,
 * bundling kafka-clients 4.2.0) ends up with (SEMANTICS-2 §1.1, §1.2 [LKO1][KC1]).
 *
 * The plugin always passes `acks` (its default "1"), passes `retries` only when set, and
 * never sets `enable.idempotence`: there is no such option. kafka-clients then keeps its
 * default idempotence unless a setting conflicts — `acks` other than `all`, or `retries`
 * 0 — in which case it switches idempotence off with an INFO line the pipeline never sees.
 * `max.in.flight.requests.per.connection` and `delivery.timeout.ms` are not plugin options
 * either (rule 1.1a); the simulator still lets a spec set them, and passes them on.
 */
import type { ProducerConfig } from '../kafka/client-api.js';
import type { LogstashSpec } from '../../spec/schema/logstash.js';

export type KafkaOutputSettings = NonNullable<LogstashSpec['output']['kafka']>;

/** What `ProducerConfig.postProcessAndValidateIdempotenceConfigs` decides when the user did not set idempotence. */
export function clientIdempotence(acks: KafkaOutputSettings['acks'], retries: number | undefined): boolean {
  const ackAll = acks === 'all' || acks === '-1';
  return ackAll && retries !== 0;
}

export function producerConfig(settings: KafkaOutputSettings): ProducerConfig {
  return {
    acks: settings.acks,
    ...(settings.retries !== undefined ? { retries: settings.retries } : {}),
    'enable.idempotence': clientIdempotence(settings.acks, settings.retries),
    'max.in.flight.requests.per.connection': settings['max.in.flight.requests.per.connection'],
    'delivery.timeout.ms': settings['delivery.timeout.ms'],
    'linger.ms': settings.linger_ms,
    'batch.size': settings.batch_size,
    'max.request.size': settings.max_request_size,
  };
}
