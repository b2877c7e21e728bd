/** README.md of a bundle: how to start and stop it, what each service is, which numbers to compare. */
import { formatDuration } from '../spec/units.js';
import type { BundleWorld } from './world-of.js';
import { IMAGES } from './images.js';
import { flinkWorker } from './compose.js';

export function writeBundleReadme(w: BundleWorld, title: string): string {
  const s = w.spec;
  const rows: string[] = [];
  const row = (service: string, what: string, image: string) => rows.push(`| \`${service}\` | ${what} | \`${image}\` |`);
  for (const h of w.with('filebeat')) {
    row(h.name, `Filebeat, reading ${(w.logs.get(h.name) ?? []).join(', ') || 'nothing'} (\`${h.name}/filebeat.yml\`)`, IMAGES.filebeat);
    if ((w.logs.get(h.name) ?? []).length > 0) row(`${h.name}-loggen`, 'writes the workload\'s lines into those files (`loggen/generate.sh`)', IMAGES.busybox);
  }
  for (const h of w.with('logstash')) row(h.name, `Logstash (\`${h.name}/pipeline/\`${h.files.some((f) => f.endsWith('logstash.yml')) ? `, \`${h.name}/logstash.yml\`` : ''})`, IMAGES.logstash);
  for (const h of w.with('kafka')) {
    row(h.name, `a Kafka broker and KRaft controller (\`${h.name}/server.properties\`)`, IMAGES.kafka);
    if (h.files.some((f) => f.endsWith('topics.sh'))) row(`${h.name}-topics`, `creates the topics once (\`${h.name}/topics.sh\`)`, IMAGES.kafka);
  }
  for (const h of w.with('flink')) {
    row(h.name, 'the Flink JobManager (web UI on port 8081 for the first one)', IMAGES.flink);
    row(flinkWorker(h.name), 'the Flink TaskManager that runs the job\'s tasks', IMAGES.flink);
    row(`${h.name}-sql`, `submits \`${h.name}/job.sql\` with the SQL client`, IMAGES.flink);
  }
  for (const h of w.with('elasticsearch')) {
    row(h.name, `Elasticsearch, single node (\`${h.name}/elasticsearch.yml\`)`, IMAGES.elasticsearch);
    if (h.files.some((f) => f.endsWith('.json'))) row(`${h.name}-indices`, 'creates the indices with their mappings (the `*.json` bodies)', IMAGES.elasticsearch);
  }
  if (Object.values(s.nodes).some((n) => n.type === 's3')) {
    row('minio', 'an S3-compatible object store standing in for Amazon S3 (console on port 9001)', IMAGES.minio);
    row('minio-bucket', 'creates the bucket `pipeline-lab`', IMAGES.mc);
  }
  const apps = w.with('app');
  const flink = w.with('flink').length > 0;
  const total = Math.round(s.workload.rate * (s.duration / 1000));
  return [
    `# ${title} on the real engines`,
    '',
    'Exported from Pipeline Lab. The configuration files are the ones the simulator ran, unchanged; `world.yaml` is the simulated world (workload and faults), which the files below turn into real processes and commands.',
    'Nobody has run this bundle on real engines while building the export: treat it as a starting point, and the images\' documentation as the authority.',
    '',
    '## Start and stop',
    '',
    '```sh',
    'docker compose up -d      # start everything; the log generator begins writing at once',
    'docker compose down -v    # stop everything and delete its data',
    '```',
    '',
    '## Services',
    '',
    '| Service | What it is | Image |',
    '|---|---|---|',
    ...rows,
    '',
    ...(apps.length > 0 ? [`Not started: the consumer application${apps.length > 1 ? 's' : ''} on ${apps.map((h) => `\`${h.name}\``).join(', ')}. Its code is yours; \`consumer.properties\` is its KafkaConsumer configuration and \`app.yaml\` says what the code must do (topic, when to commit, where to write).`, ''] : []),
    ...w.with('airflow').map((h) => `Not started: the Airflow DAG on \`${h.name}\` (\`${h.name}/dags/\`) and the Spark SQL job${h.files.filter((f) => /\/jobs\//.test(f)).length > 1 ? 's' : ''} its tasks run (\`${h.name}/jobs/\`). The host folder is the Airflow home, \`/opt/airflow\`: run them on Airflow 3 with \`apache-airflow-providers-apache-spark\` and a Spark whose \`spark-sql\` reaches MinIO over \`s3a://\` (hadoop-aws, \`fs.s3a.endpoint=http://minio:9000\`, \`fs.s3a.path.style.access=true\`, keys \`minioadmin\` / \`minioadmin\`).\n`),
    ...w.with('serving').map((h) => `Not started: the query service on \`${h.name}\`. Its code is yours; \`${h.name}/serving.yaml\` says what it reads (the batch view table and the realtime index, or the one index).\n`),
    ...(flink ? ['Flink needs its SQL connectors, which the image does not ship: put the jars of the connectors `job.sql` uses (for Flink 2.0: `flink-sql-connector-kafka`, and `flink-sql-connector-elasticsearch7` or the filesystem S3 plugin) into `flink-lib/` before starting.', ''] : []),
    '## What to compare with the simulator\'s ledger',
    '',
    `- Records written: ${s.workload.rate}/s for ${formatDuration(s.duration)}, about ${total} lines (count them: \`docker compose exec <web server> sh -c 'cat /var/log/*/*.log* | wc -l'\`). The ledger's \`produced\`.`,
    '- Elasticsearch `_count` of each index against the ledger\'s delivered records for that output; more than written means duplicates, fewer means loss (`FAULTS.md`, "Reading the outcome").',
    '- Kafka log-end offsets and consumer-group lag against the ledger\'s per-topic counts.',
    ...(flink ? ['- Flink checkpoints completed and restarts against the simulator\'s timeline.'] : []),
    '',
    'The real lines are drawn at random in the same shape and mix as the simulator\'s, not the same records, and real timing differs: compare totals and the kind of outcome (lost, duplicated, exact), not single records.',
    '',
    'Faults: `FAULTS.md`.',
    '',
  ].join('\n');
}
