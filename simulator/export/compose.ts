/**
 * compose.yaml (Compose Specification) for a workspace: one service per process, named after the
 * host the configuration files use, each real file mounted where its image reads it.
 */
import { stringify } from 'yaml';
import type { BundleWorld } from './world-of.js';
import { IMAGES, PROJECT, KAFKA_CLUSTER_ID, BUCKET } from './images.js';
import { AWS_ENV, readsKinesis, submitWithAccount, writesKinesis } from './aws-bundle.js';

type Service = Record<string, unknown>;

/** `sh -c` with a script given as lines (joined with ' && ' where each must succeed). */
const sh = (script: string) => ['sh', '-c', script];

/** The service of a Flink host that a crash of that host kills: its TaskManager runs the job's tasks. */
export const flinkWorker = (host: string) => `${host}-taskmanager`;

export function writeCompose(w: BundleWorld): string {
  const services: Record<string, Service> = {};
  const volumes: Record<string, Record<string, never>> = {};
  const brokers = w.with('kafka').map((h) => h.name);
  const es = w.with('elasticsearch');
  const usesS3 = Object.values(w.spec.nodes).some((n) => n.type === 's3');

  for (const host of es) {
    services[host.name] = {
      image: IMAGES.elasticsearch,
      hostname: host.name,
      environment: { 'discovery.type': 'single-node', 'network.host': '0.0.0.0', 'xpack.security.enabled': 'false', ES_JAVA_OPTS: '-Xms512m -Xmx512m' },
      volumes: host.files.filter((f) => f.endsWith('/elasticsearch.yml')).map((f) => `./${f}:/usr/share/elasticsearch/config/elasticsearch.yml:ro`),
      ...(host === es[0] ? { ports: ['9200:9200'] } : {}),
      healthcheck: { test: ['CMD-SHELL', 'curl -fs http://localhost:9200/_cluster/health || exit 1'], interval: '5s', retries: 60 },
    };
    const bodies = host.files.filter((f) => f.endsWith('.json'));
    if (bodies.length > 0) {
      // PUT /<index> with each body before anything writes, as an operator creates the mapping first.
      services[`${host.name}-indices`] = {
        image: IMAGES.elasticsearch,
        depends_on: { [host.name]: { condition: 'service_healthy' } },
        volumes: bodies.map((f) => `./${f}:/indices/${f.split('/').pop()}:ro`),
        command: sh(bodies.map((f) => { const index = f.split('/').pop()!.replace(/\.json$/, ''); return `curl -fsS -X PUT http://${host.name}:9200/${index} -H 'Content-Type: application/json' --data-binary @/indices/${index}.json`; }).join(' && ')),
      };
    }
  }

  brokers.forEach((b) => {
    // Kafka's internal topics default to three replicas; a smaller cluster overrides that on the
    // command line (not in server.properties, which stays as the simulator reads it).
    const n = brokers.length;
    const overrides = n < 3 ? ` --override offsets.topic.replication.factor=${n} --override transaction.state.log.replication.factor=${n} --override transaction.state.log.min.isr=${Math.min(n, 2)}` : '';
    services[b] = {
      image: IMAGES.kafka,
      hostname: b,
      user: 'root',
      volumes: [`./${b}/server.properties:/etc/pipeline-lab/server.properties:ro`],
      command: sh(`/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t ${KAFKA_CLUSTER_ID} -c /etc/pipeline-lab/server.properties && exec /opt/kafka/bin/kafka-server-start.sh /etc/pipeline-lab/server.properties${overrides}`),
    };
  });
  for (const host of w.with('kafka')) {
    const script = host.files.find((f) => f.endsWith('/topics.sh'));
    if (!script) continue;
    services[`${host.name}-topics`] = {
      image: IMAGES.kafka,
      depends_on: brokers,
      volumes: [`./${script}:/etc/pipeline-lab/topics.sh:ro`],
      command: sh(`export PATH=$$PATH:/opt/kafka/bin; until kafka-topics.sh --bootstrap-server ${host.name}:9092 --list >/dev/null 2>&1; do sleep 2; done; sh /etc/pipeline-lab/topics.sh`),
    };
  }

  if (usesS3) {
    services.minio = {
      image: IMAGES.minio,
      hostname: 'minio',
      command: ['server', '/data', '--console-address', ':9001'],
      environment: { MINIO_ROOT_USER: 'minioadmin', MINIO_ROOT_PASSWORD: 'minioadmin', MINIO_DOMAIN: 'minio' },
      ports: ['9001:9001'],
      // Virtual-hosted-style requests for the bucket reach MinIO too.
      networks: { default: { aliases: [`${BUCKET}.minio`] } },
    };
    services['minio-bucket'] = {
      image: IMAGES.mc,
      depends_on: ['minio'],
      entrypoint: sh(`until mc alias set local http://minio:9000 minioadmin minioadmin; do sleep 2; done; mc mb --ignore-existing local/${BUCKET}`),
    };
  }

  for (const host of w.with('logstash')) {
    const yml = host.files.find((f) => f.endsWith('/logstash.yml'));
    const kinesis = writesKinesis(w, host.name);
    services[host.name] = {
      image: IMAGES.logstash,
      hostname: host.name,
      environment: { XPACK_MONITORING_ENABLED: 'false', LS_JAVA_OPTS: '-Xms512m -Xmx512m', ...(kinesis ? AWS_ENV : {}) },
      volumes: [`./${host.name}/pipeline:/usr/share/logstash/pipeline:ro`, ...(yml ? [`./${yml}:/usr/share/logstash/config/logstash.yml:ro`] : [])],
      // The kinesis output is a community plugin the image does not ship: installed before Logstash starts.
      ...(kinesis ? { command: sh('logstash-plugin install logstash-output-kinesis && exec logstash') } : {}),
      depends_on: [...brokers, ...es.map((h) => h.name), ...(usesS3 ? ['minio'] : [])],
    };
  }

  const flinkHosts = w.with('flink');
  for (const host of flinkHosts) {
    const conf = host.files.find((f) => f.endsWith('/config.yaml'));
    const mounts = [`./${host.name}:/opt/pipeline-lab/job:ro`, './flink-lib:/opt/pipeline-lab/lib:ro'];
    // The image's entrypoint appends FLINK_PROPERTIES to conf/config.yaml; the job's own file goes first.
    const prepare = `${conf ? 'cp /opt/pipeline-lab/job/config.yaml /opt/flink/conf/config.yaml && ' : ''}cp /opt/pipeline-lab/lib/*.jar /opt/flink/lib/ 2>/dev/null; `;
    const props = `jobmanager.rpc.address: ${host.name}\nrest.address: ${host.name}\n`;
    // A Kinesis source lists shards in the JobManager and reads them in the TaskManager: both need credentials.
    const kinesis = readsKinesis(w, host.name);
    const aws = kinesis ? AWS_ENV : {};
    services[host.name] = {
      image: IMAGES.flink, hostname: host.name, volumes: mounts, environment: { FLINK_PROPERTIES: props, ...aws },
      command: sh(`${prepare}exec /docker-entrypoint.sh jobmanager`),
      ...(host === flinkHosts[0] ? { ports: ['8081:8081'] } : {}),
    };
    services[flinkWorker(host.name)] = {
      image: IMAGES.flink, volumes: mounts, environment: { FLINK_PROPERTIES: `${props}taskmanager.numberOfTaskSlots: 4\n`, ...aws },
      command: sh(`${prepare}exec /docker-entrypoint.sh taskmanager`), depends_on: [host.name],
    };
    services[`${host.name}-sql`] = {
      image: IMAGES.flink, volumes: mounts, environment: { FLINK_PROPERTIES: props, ...aws, ...(kinesis ? { AWS_ACCOUNT_ID: null } : {}) },
      command: sh(`${prepare}sleep 15 && ${kinesis ? submitWithAccount('/opt/pipeline-lab/job/job.sql') : '/opt/flink/bin/sql-client.sh -f /opt/pipeline-lab/job/job.sql'}`),
      depends_on: [host.name, flinkWorker(host.name), ...brokers.map((b) => b)],
    };
  }

  for (const host of w.with('filebeat')) {
    const logs = w.logs.get(host.name) ?? [];
    const volume = `${host.name}-logs`;
    volumes[volume] = {};
    services[host.name] = {
      image: IMAGES.filebeat,
      hostname: host.name,
      user: 'root',
      command: ['filebeat', '-e', '--strict.perms=false'],
      volumes: [`./${host.name}/filebeat.yml:/usr/share/filebeat/filebeat.yml:ro`, `${volume}:/var/log`],
      depends_on: [...w.with('logstash').map((h) => h.name), ...brokers, ...es.map((h) => h.name)],
    };
    if (logs.length > 0) {
      services[`${host.name}-loggen`] = {
        image: IMAGES.busybox,
        volumes: ['./loggen/generate.sh:/generate.sh:ro', `${volume}:/var/log`],
        environment: { LOG_FILES: logs.join(' '), ...generatorEnv(w) },
        command: ['sh', '/generate.sh'],
        depends_on: [host.name],
      };
    }
  }
  const doc: Record<string, unknown> = { name: PROJECT, services };
  if (Object.keys(volumes).length > 0) doc.volumes = volumes;
  // A variable without a value (`AWS_ACCESS_KEY_ID:`) takes its value from the shell that runs compose.
  return `# Starts every process of this pipeline on the real engines: docker compose up -d (README.md).\n${stringify(doc, { lineWidth: 0, nullStr: '' })}`;
}

/** The generator's settings for one server writing `files` of the workload's files. */
function generatorEnv(w: BundleWorld): Record<string, string> {
  const wl = w.spec.workload;
  const total = [...w.logs.values()].reduce((n, l) => n + l.length, 0) || 1;
  return {
    GENERATOR: wl.generator,
    // The workload's rate is over all files: this server writes its share, lines spread evenly over its files.
    RATE_PER_FILE: String(wl.rate / total),
    // Whole seconds: the script counts ticks of `sleep 1`.
    DURATION_S: String(Math.ceil(w.spec.duration / 1000)),
    MALFORMED: String(wl.malformed),
    KEY: wl.key,
    ROTATE_EVERY_S: wl.rotate ? String(Math.max(1, Math.round(wl.rotate.every / 1000))) : '0',
    ROTATE_KEEP: wl.rotate ? String(wl.rotate.keep) : '0',
    SEED: String(w.spec.seed),
  };
}
