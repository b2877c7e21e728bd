/**
 * Filebeat's HTTP endpoint on :5066 — `GET /stats` (a real Filebeat serves it only with
 * `http.enabled: true`) — with the counters the simulator models: output events acked and failed,
 * open harvesters and registry writes. Memory, CPU and pipeline queue internals are left out.
 */
import { metricAt } from '../instant.js';
import { notFound, uuid, type HttpAnswer, type HttpRequest } from './common.js';

export function filebeatStats(req: HttpRequest): HttpAnswer {
  const { handle, node, path, atMs } = req;
  const n = (metric: string) => metricAt(handle, node, metric, atMs) ?? 0;
  if (metricAt(handle, node, 'libbeat.output.events.acked', atMs) === undefined) return { status: 0, body: null };
  if (path.length === 0) return { status: 200, body: { beat: 'filebeat', hostname: node, name: node, uuid: uuid(`filebeat:${node}`), version: '8.15.0' } };
  if (path[0] !== 'stats') return notFound(`/${path.join('/')}`);
  return {
    status: 200,
    body: {
      filebeat: { harvester: { open_files: n('harvester.open_files') } },
      libbeat: { output: { events: { acked: n('libbeat.output.events.acked'), failed: n('libbeat.output.events.failed') } } },
      registrar: { writes: { success: n('registrar.writes.success') } },
    },
  };
}
