/**
 * Logstash's monitoring API on :9600 — `GET /_node/stats/pipelines` (and `/_node/stats`,
 * `/_node/stats/events`) in the shape of the Node Stats API, for the fields the simulator models:
 * events in / filtered / out (in: accepted by the inputs; filtered: through the filter stage;
 * out: through the outputs), the queue (`events_count` only for a persisted queue — the real API
 * gives a memory queue's type alone) and whether the dead letter queue is on. Durations, JVM,
 * process and per-plugin timings are not modelled and are left out rather than invented.
 */
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';
import { metricAt } from '../instant.js';
import { notFound, uuid, type HttpAnswer, type HttpRequest } from './common.js';

const VERSION = '8.15.0';

export function logstashApi(req: HttpRequest): HttpAnswer {
  const { handle, node, path, atMs } = req;
  const spec = handle.spec.nodes[node] as NodeSpecOf<'logstash'>;
  const n = (metric: string) => metricAt(handle, node, metric, atMs);
  const head = {
    host: node,
    version: VERSION,
    http_address: '127.0.0.1:9600',
    id: uuid(`logstash:${node}`),
    name: node,
    ephemeral_id: uuid(`logstash-ephemeral:${node}`),
    status: 'green',
    snapshot: false,
    pipeline: { workers: spec['pipeline.workers'], batch_size: spec['pipeline.batch.size'], batch_delay: spec['pipeline.batch.delay'] },
  };
  if (path.length === 0) return { status: 200, body: head };
  if (path[0] !== '_node' || path[1] !== 'stats') return notFound(`/${path.join('/')}`);
  if (n('events.in') === undefined) {
    // The process is down at this instant (or the run kept no metrics): nothing listens on 9600.
    return { status: 0, body: null };
  }
  const events = { in: n('events.in') ?? 0, filtered: n('events.filtered') ?? 0, out: n('events.out') ?? 0 };
  const queue = spec['queue.type'] === 'persisted' ? { type: 'persisted', events_count: n('queue.events_count') ?? 0 } : { type: 'memory' };
  const main: Record<string, unknown> = {
    events,
    plugins: { inputs: [{ id: uuid(`input:${node}`).replace(/-/g, ''), name: spec.input, events: { out: events.in } }] },
    reloads: { last_error: null, successes: 0, last_success_timestamp: null, last_failure_timestamp: null, failures: 0 },
    queue,
  };
  if (spec['dead_letter_queue.enable']) {
    main['dead_letter_queue'] = { max_queue_size_in_bytes: spec['dead_letter_queue.max_bytes'], storage_policy: 'drop_newer', dropped_events: 0, expired_events: 0 };
  }
  const what = path[2];
  if (what === undefined) return { status: 200, body: { ...head, events, pipelines: { main } } };
  if (what === 'pipelines') return { status: 200, body: { ...head, pipelines: path[3] === undefined || path[3] === 'main' ? { main } : {} } };
  if (what === 'events') return { status: 200, body: { ...head, events } };
  return notFound(`/${path.join('/')}`);
}
