/**
 * The workspace layout (AUTHORING.md, "Workspaces: real configuration files"): each top-level
 * folder is one host, named as the files name it; what runs there follows from the files it holds.
 *
 *   world.yaml                      the simulated world only: workload, duration, drain, seed, faults
 *   <host>/filebeat.yml             Filebeat on <host>
 *   <host>/logstash.yml             Logstash on <host> (settings) …
 *   <host>/pipeline/*.conf          … and its pipeline, in Logstash's language (files concatenated in name order)
 *   <host>/elasticsearch.yml        Elasticsearch on <host> …
 *   <host>/<index>.json             … and the body of `PUT /<index>` for each index with a mapping
 *   <host>/server.properties        a Kafka broker on <host> (all brokers form one cluster) …
 *   <host>/topics.sh                … and `kafka-topics.sh --create` lines
 *   <host>/config.yaml              a Flink cluster on <host> running one job: Flink's config.yaml …
 *   <host>/job.sql                  … and the job in Flink SQL (CREATE TABLE … WITH (…); SET …; one INSERT INTO)
 *   <host>/job-<version>.sql        … and a later version of it, deployed at a time world.yaml's `deploys` gives
 *   <host>/consumer.properties      a Kafka consumer application on <host>: its client settings …
 *   <host>/app.yaml                 … and what its code does (topics it subscribes to, when it commits, its sink)
 *   <host>/producer.properties      a producer application's client settings (checked; producer apps are not simulated)
 *   <host>/dags/<name>.py           an Airflow DAG on <host> (the Lambda batch layer) …
 *   <host>/jobs/<name>.sql          … and the Spark SQL job its SparkSqlOperator runs
 *   <host>/serving.yaml             a serving layer's query service: what it reads (Lambda or Kappa)
 *   <host>/postgresql.conf          a PostgreSQL server on <host> (the OLTP orders database a warehouse DAG extracts)
 *   <host>/kcl.properties           a Kinesis Client Library application on <host> (with app.yaml; simulator/config/aws/kcl.ts)
 *   <host>/runbook.sh               what operators type during the run, each command ending in `# at <time>` (runbook.ts)
 *   aws/template.yaml               the AWS resources, as a CloudFormation template (simulator/config/aws/template.ts)
 */

export type Role = 'filebeat' | 'logstash' | 'elasticsearch' | 'kafka' | 'flink' | 'app' | 'airflow' | 'serving' | 'kcl' | 'postgres' | 'ops';

export interface Host {
  name: string;
  roles: Set<Role>;
  /** Relative paths of the files that belong to it. */
  files: string[];
}

export interface Layout {
  world?: string;
  /** aws/template.yaml: AWS resources are not a host. */
  aws?: string;
  hosts: Map<string, Host>;
  /** Files the layout does not use. */
  ignored: string[];
}

const HOST_NAME = /^[A-Za-z][\w-]*$/;

export function readLayout(paths: Iterable<string>): Layout {
  const layout: Layout = { hosts: new Map(), ignored: [] };
  for (const path of [...paths].sort()) {
    const parts = path.split('/');
    if (parts.length === 1) {
      if (path === 'world.yaml') layout.world = path;
      else if (!/\.md$/i.test(path)) layout.ignored.push(path);
      continue;
    }
    const name = parts[0]!;
    const rest = parts.slice(1).join('/');
    if (path === 'aws/template.yaml') {
      layout.aws = path;
      continue;
    }
    const role: Role | undefined =
      rest === 'filebeat.yml' ? 'filebeat'
      : rest === 'logstash.yml' || /^pipeline\/[^/]+\.conf$/.test(rest) ? 'logstash'
      : rest === 'elasticsearch.yml' || /^[^/]+\.json$/.test(rest) ? 'elasticsearch'
      : rest === 'server.properties' || rest === 'topics.sh' ? 'kafka'
      : rest === 'config.yaml' || rest === 'job.sql' || /^job-[\w]+\.sql$/.test(rest) ? 'flink'
      : rest === 'consumer.properties' || rest === 'producer.properties' || rest === 'app.yaml' ? 'app'
      : /^dags\/[^/]+\.py$/.test(rest) || /^jobs\/[^/]+\.(sql|hql)$/.test(rest) ? 'airflow'
      : rest === 'serving.yaml' ? 'serving'
      : rest === 'kcl.properties' ? 'kcl'
      : rest === 'postgresql.conf' ? 'postgres'
      : rest === 'runbook.sh' ? 'ops'
      : undefined;
    if (!role || !HOST_NAME.test(name)) {
      if (!/\.md$/i.test(path)) layout.ignored.push(path);
      continue;
    }
    const host = layout.hosts.get(name) ?? { name, roles: new Set<Role>(), files: [] };
    host.roles.add(role);
    host.files.push(path);
    layout.hosts.set(name, host);
  }
  return layout;
}
