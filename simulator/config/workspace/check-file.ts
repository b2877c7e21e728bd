/** `sim check FILE`: one real configuration file checked on its own (no topology), by its name. */
import type { SpecIssue } from '../../spec/issues.js';
import { Problems } from '../shared/issues.js';
import { checkLogstashPipeline, readLogstashYml } from '../logstash/index.js';
import { checkFilebeatYml } from '../filebeat/index.js';
import { readIndexBody } from '../elasticsearch/mapping.js';
import { readSettingsYaml } from '../yaml/read.js';
import { readWorld } from './world.js';
import { readServerProperties } from '../kafka/broker.js';
import { readTopicsScript } from '../kafka/topics.js';
import { checkFlinkSql, checkFlinkConfigYaml } from '../flink/index.js';
import { checkConsumerProperties, checkProducerProperties, readAppYaml } from './apps.js';
import { checkDagFile } from '../airflow/dag-file.js';
import { checkSparkSql } from '../spark/job-sql.js';
import { readServingYaml } from '../serving/serving-yaml.js';
import { compileAwsTemplate } from '../aws/template.js';
import { checkKclProperties, readKclAppYaml } from '../aws/kcl.js';
import { readRunbook } from './runbook.js';
import { readPostgresConf } from '../postgres/conf.js';
import { checkWarehouseSql, isWarehouseJob } from '../spark/warehouse-sql.js';
import { warehouseDagSyntax } from '../airflow/warehouse-hosts.js';

/** The problems of one file, or undefined when its name is not one the checker knows. */
export function checkConfigFile(path: string, text: string): SpecIssue[] | undefined {
  const base = path.split('/').pop()!;
  if (base === 'postgresql.conf') return readPostgresConf(text, path).problems.list;
  if (base.endsWith('.conf')) return checkLogstashPipeline(text, path).problems.list;
  // A DAG's Spark SQL job (`<host>/jobs/x.sql`) and the DAG itself; on their own, the DAG's `sql=` file is not looked up.
  // The orders warehouse's jobs (JDBC extracts, fact and mart loads) and its DAG of several steps: the DAG's
  // own syntax here, what its steps do in the workspace compile (config/airflow/warehouse-hosts.ts).
  if (/(^|\/)jobs\/[^/]+\.(sql|hql)$/.test(path) && isWarehouseJob(text)) return checkWarehouseSql(text, path).problems.list;
  if (/(^|\/)dags\/[^/]+\.py$/.test(path) && (text.match(/\bSparkSqlOperator\s*\(/g) ?? []).length > 1) return warehouseDagSyntax(text, path);
  if (/(^|\/)jobs\/[^/]+\.(sql|hql)$/.test(path)) return checkSparkSql(text, path).problems.list;
  if (base.endsWith('.py')) return checkDagFile(text, path, path, () => true).problems.list;
  if (base.endsWith('.sql')) return checkFlinkSql(text, path).problems.list;
  if (base === 'config.yaml' || base === 'flink-conf.yaml') return checkFlinkConfigYaml(text, path).list;
  const p = new Problems(path);
  if (base === 'logstash.yml') readLogstashYml(text, p);
  else if (base === 'filebeat.yml') checkFilebeatYml(text, path).problems.list.forEach((i) => p.list.push(i));
  else if (base === 'elasticsearch.yml') readSettingsYaml(text, p);
  else if (base.endsWith('.json')) readIndexBody(text, p);
  else if (base === 'world.yaml') readWorld(text, path, p.list);
  else if (base === 'server.properties') readServerProperties(text, p);
  else if (base === 'topics.sh') readTopicsScript(text, p);
  else if (base === 'consumer.properties') checkConsumerProperties(text, p);
  else if (base === 'producer.properties') checkProducerProperties(text, p);
  // A KCL record processor's app.yaml says when it checkpoints; a Kafka consumer's, which topic it subscribes to.
  else if (base === 'app.yaml') (/^checkpoint\s*:/m.test(text) ? readKclAppYaml : readAppYaml)(text, p);
  else if (base === 'serving.yaml') readServingYaml(text, p);
  else if (base === 'template.yaml') compileAwsTemplate(text, p);
  else if (base === 'kcl.properties') checkKclProperties(text, p);
  // On its own a runbook's `--bootstrap-server` cannot be matched to the workspace's Kafka hosts: any host passes here.
  else if (base === 'runbook.sh') readRunbook(text, path, p, () => 'kafka');
  else return undefined;
  return p.list;
}
