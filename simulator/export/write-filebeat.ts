/** The `type: beats` node → one filebeat.yml on the web server, reading every generated log file. */
import type { BeatsSpec } from '../spec/schema/beats.js';
import type { WorkloadSpec } from '../spec/schema/workload.js';
import { goDuration, lines, q } from './text.js';
import { WEB_HOST, type HostNames } from './hosts.js';

/** Where each generator's lines are written, and the glob Filebeat reads them with. */
const LOG_DIR: Record<WorkloadSpec['generator'], { dir: string; stem: string }> = {
  'access-log': { dir: '/var/log/apache2', stem: 'access' },
  clickstream: { dir: '/var/log/shop', stem: 'clicks' },
  sensor: { dir: '/var/log/sensors', stem: 'readings' },
};

/** The absolute paths of the `files` log files the workload writes. */
export function logFiles(workload: WorkloadSpec): string[] {
  const { dir, stem } = LOG_DIR[workload.generator];
  return workload.files === 1 ? [`${dir}/${stem}.log`] : Array.from({ length: workload.files }, (_, i) => `${dir}/${stem}-${i}.log`);
}

/** `targets`: the output node, or each Logstash host of a list (written back as `hosts`, with `loadbalance` and `worker`). */
export function writeFilebeatYml(node: BeatsSpec, workload: WorkloadSpec, hosts: HostNames, targets: readonly string[], targetType: string): string {
  const target = targets[0]!;
  const { dir, stem } = LOG_DIR[workload.generator];
  const glob = workload.files === 1 ? `${dir}/${stem}.log*` : `${dir}/${stem}-*.log*`;
  const ifNot = <T>(v: T, def: T, text: string) => (v === def ? undefined : text);
  const out: (string | undefined)[] = [];
  if (targetType === 'logstash') {
    out.push(
      'output.logstash:',
      `  hosts: [${targets.map((t) => q(`${hosts.of(t)}:5044`)).join(', ')}]`,
      node.loadbalance !== undefined ? `  loadbalance: ${node.loadbalance}` : undefined,
      node.worker !== undefined ? `  worker: ${node.worker}` : undefined,
      ifNot(node.pipelining, 2, `  pipelining: ${node.pipelining}`),
    );
  } else if (targetType === 'kafka') {
    out.push('output.kafka:', `  hosts: [${hosts.brokers().map((b) => q(`${b}:9092`)).join(', ')}]`, `  topic: ${q(node.topic ?? '')}`);
  } else {
    out.push('output.elasticsearch:', `  hosts: [${q(`http://${hosts.of(target)}:9200`)}]`, node.index !== undefined ? `  index: ${q(node.index)}` : undefined);
  }
  out.push(
    ifNot(node.bulk_max_size, 2048, `  bulk_max_size: ${node.bulk_max_size}`),
    ifNot(node.timeout, 30_000, `  timeout: ${goDuration(node.timeout)}`),
    ifNot(node['backoff.init'], 1000, `  backoff.init: ${goDuration(node['backoff.init'])}`),
    ifNot(node['backoff.max'], 60_000, `  backoff.max: ${goDuration(node['backoff.max'])}`),
  );
  const processors = node.processors.map((p) => (p === 'add_id' ? '  - add_id: ~' : '  - fingerprint:\n      fields: ["log.file.path", "log.offset", "message"]\n      target_field: "@metadata._id"'));
  return lines(
    `# Filebeat 8.15 on ${WEB_HOST}: tail the log files the workload writes and ship every line.`,
    'filebeat.inputs:',
    '  - type: filestream',
    `    id: ${stem}`,
    '    paths:',
    `      - ${glob}`,
    ifNot(node.scan_frequency, 10_000, `    prospector.scanner.check_interval: ${goDuration(node.scan_frequency)}`),
    ifNot(node.close_inactive, 300_000, `    close.on_state_change.inactive: ${goDuration(node.close_inactive)}`),
    '',
    ...(processors.length > 0 ? ['processors:', ...processors, ''] : []),
    ifNot(node['queue.mem.events'], 3200, `queue.mem.events: ${node['queue.mem.events']}`),
    ifNot(node['filebeat.registry.flush'], 1000, `filebeat.registry.flush: ${goDuration(node['filebeat.registry.flush'])}`),
    ...out.filter((l): l is string => l !== undefined),
  );
}
