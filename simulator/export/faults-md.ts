/** FAULTS.md: world.yaml's faults as the commands a person runs against the stack, at their times. */
import { formatDuration, parseDuration } from '../spec/units.js';
import type { BundleWorld } from './world-of.js';
import { IMAGES, PROJECT } from './images.js';
import { flinkWorker } from './compose.js';

const ms = (v: unknown): number => {
  const d = parseDuration(v);
  return typeof d === 'number' ? d : 0;
};
const pct = (p: number) => `${Math.round(p * 1e6) / 1e4}%`;
const at = (t: number) => `**t = ${formatDuration(t)}**`;

export function writeFaultsMd(w: BundleWorld): string {
  const roleOf = (host: string) => w.hosts.find((h) => h.name === host)?.roles;
  const brokers = w.with('kafka').map((h) => h.name);
  /** The compose services a crash of `host` kills. */
  const servicesOf = (host: string): string[] => {
    if (host === 'kafka' && brokers.length > 1 && !roleOf(host)) return brokers;
    if (roleOf(host)?.has('flink')) return [flinkWorker(host)];
    if (roleOf(host)?.has('app')) return [];
    return [host];
  };
  const netem = (host: string, rule: string) => `docker run --rm --cap-add NET_ADMIN --network container:$(docker compose ps -q ${host}) ${IMAGES.netshoot} tc qdisc ${rule}`;
  const out: string[] = ['# Faults', '', 'Start the stack first (`docker compose up -d`, README.md); t = 0 is when the log generator starts writing (`docker compose logs -f` shows it).', 'Run each command below at its time, from this folder.', ''];
  if (w.faults.length === 0) out.push('This pipeline has no faults: run it as it is, and compare the counts of README.md with the ledger.', '');
  w.faults.forEach((f, i) => {
    out.push(`## ${i + 1}. ${JSON.stringify(f).replace(/"/g, '')}`, '');
    if (typeof f.crash === 'string') {
      const services = servicesOf(f.crash);
      if (services.length === 0) {
        out.push(`${f.crash} is your own consumer application (app.yaml says what its code does): stop its process at ${at(ms(f.at))}${f['restart-after'] !== undefined ? ` and start it again at ${at(ms(f.at) + ms(f['restart-after']))}` : ''}.`, '');
        return;
      }
      out.push(`- ${at(ms(f.at))}: the process dies (SIGKILL: no clean shutdown, as the simulator's crash):`, '', '  ```sh', `  docker compose kill ${services.join(' ')}`, '  ```');
      if (f['restart-after'] !== undefined) out.push(`- ${at(ms(f.at) + ms(f['restart-after']))}: it comes back with what it wrote to disk:`, '', '  ```sh', `  docker compose start ${services.join(' ')}`, '  ```');
      if (roleOf(f.crash)?.has('flink')) out.push('', `  The simulator's crash of a Flink job is a failure of its tasks: killing the TaskManager does that; the JobManager restarts the job from the last completed checkpoint (web UI, Checkpoints tab).`);
      out.push('');
    } else if (typeof f.link === 'string') {
      const [from, to] = f.link.split('->');
      const parts: string[] = [];
      if (f.delay !== undefined || f.jitter !== undefined) parts.push(`delay ${ms(f.delay ?? 1)}ms${f.jitter !== undefined ? ` ${ms(f.jitter)}ms` : ''}`);
      if (typeof f.loss === 'number') parts.push(`loss ${pct(f.loss)}`);
      if (typeof f.duplicate === 'number') parts.push(`duplicate ${pct(f.duplicate)}`);
      if (typeof f.reorder === 'number') parts.push(`reorder ${pct(f.reorder)}`);
      const rule = parts.join(' ') || 'delay 1ms';
      out.push(`- ${at(ms(f.from ?? 0))}: impair what ${from} sends (tc's netem, in a throw-away container sharing ${from}'s network; the images have no tc):`, '', '  ```sh', `  ${netem(from!, `add dev eth0 root netem ${rule}`)}`, '  ```');
      if (f.to !== undefined) out.push(`- ${at(ms(f.to))}: heal it:`, '', '  ```sh', `  ${netem(from!, 'del dev eth0 root')}`, '  ```');
      out.push('', `  Unlike the simulator's link, netem acts on everything ${from} sends, not only to ${to}, and one way only: ${to}'s replies pass untouched.`, '');
    } else if (Array.isArray(f.partition)) {
      const hosts = (f.partition as unknown[]).map(String).flatMap(servicesOf);
      out.push(`- ${at(ms(f.from))}: cut them off the network:`, '', '  ```sh', ...hosts.map((h) => `  docker network disconnect ${PROJECT}_default $(docker compose ps -q ${h})`), '  ```');
      if (f.to !== undefined) out.push(`- ${at(ms(f.to))}: heal it:`, '', '  ```sh', ...hosts.map((h) => `  docker network connect --alias ${h} ${PROJECT}_default $(docker compose ps -q ${h})`), '  ```');
      out.push('', '  Disconnected containers cannot reach each other either, where the simulator lets a partitioned group talk among itself.', '');
    }
  });
  out.push('## Reading the outcome', '');
  for (const h of w.with('elasticsearch')) out.push(`- Documents in Elasticsearch on ${h.name}: \`docker compose exec ${h.name} curl -s 'http://localhost:9200/_cat/indices?v'\` and \`curl -s localhost:9200/<index>/_count\` (the index your outputs write).`);
  if (brokers.length > 0) {
    out.push(`- Kafka consumer groups, their committed offsets and lag: \`docker compose exec ${brokers[0]} /opt/kafka/bin/kafka-consumer-groups.sh --bootstrap-server ${brokers[0]}:9092 --describe --all-groups\`.`);
    out.push(`- Records in each topic (log-end offsets): \`docker compose exec ${brokers[0]} /opt/kafka/bin/kafka-get-offsets.sh --bootstrap-server ${brokers[0]}:9092\`.`);
  }
  if (w.with('flink').length > 0) out.push('- Flink: the web UI at http://localhost:8081 → the running job → Checkpoints (completed, failed, restored) and Exceptions (restarts).');
  if (Object.values(w.spec.nodes).some((n) => n.type === 's3')) out.push('- Objects written to S3: the MinIO console at http://localhost:9001 (minioadmin / minioadmin), bucket `pipeline-lab`.');
  out.push('');
  return out.join('\n');
}
