/**
 * A workspace folder of real files → one internal pipeline spec (DESIGN §3), validated by
 * simulator/spec so the simulator runs it. Topology comes from the addresses written in the
 * files: Filebeat's `output.logstash.hosts`, the Logstash outputs' `hosts` — each must name a
 * host of the workspace running the right service on that port, or it is an error at that value.
 */
import { validateData } from '../../spec/parse.js';
import type { PipelineSpec } from '../../spec/schema/pipeline.js';
import type { SpecIssue } from '../../spec/issues.js';
import { closest } from '../../spec/suggest.js';
import { Problems } from '../shared/issues.js';
import type { HostPort } from '../shared/hosts.js';
import type { Loc } from '../logstash/ast.js';
import { globMatches } from '../shared/glob.js';
import { checkFilebeatYml, type CompiledFilebeat } from '../filebeat/index.js';
import { checkLogstashPipeline, readLogstashYml, type CompiledPipeline } from '../logstash/index.js';
import { readIndexBody } from '../elasticsearch/mapping.js';
import { readSettingsYaml } from '../yaml/read.js';
import { readLayout, type Host, type Role } from './layout.js';
import { readWorld, type World } from './world.js';
import { compileKafka, KAFKA_NODE } from './kafka.js';
import { compileFlinkHosts } from './flink.js';
import { compileAppHosts } from './apps.js';
import { compileBatchHosts, compileServingHosts } from '../airflow/hosts.js';
import { compileWarehouseHosts, isWarehouseHost, type CompiledWarehouse } from '../airflow/warehouse-hosts.js';
import { parseDuration } from '../../spec/units.js';
import { applyDeploys, readDeploys } from '../deploy/deploys.js';
import { applyWorldReshards } from '../aws/world-reshards.js';
import { applyWorldProcessingTime } from './world-processing.js';
import { compileAwsWorkspace } from '../aws/workspace.js';
import { readRunbooks, type RunbookLine } from './runbook.js';
import { relocateOperationIssues } from './runbook-issues.js';

export type WorkspaceOutcome =
  | { ok: true; spec: PipelineSpec; warnings: SpecIssue[] }
  | { ok: false; errors: SpecIssue[]; warnings: SpecIssue[] };

/** The internal node id of the Filebeats: the simulator runs all servers' Filebeats as one beats node. */
export const FILEBEAT_NODE = 'filebeat';

interface LogstashHost {
  host: Host;
  compiled: CompiledPipeline;
  settings: Record<string, unknown>;
  /** One per pipeline file, collected once the outputs are resolved. */
  problems: Problems[];
  /** The file each output was written in. */
  outputIn: Partial<Record<keyof CompiledPipeline['outputs'], Problems>>;
}

/** `files`: path relative to the workspace ('/'-separated) → text. `root` prefixes file names in messages. */
export function compileWorkspace(files: ReadonlyMap<string, string>, root = ''): WorkspaceOutcome {
  const name = (path: string) => (root ? `${root.replace(/\/$/, '')}/${path}` : path);
  const issues: SpecIssue[] = [];
  const problemsOf = (path: string) => new Problems(name(path));
  const collect = (p: Problems) => issues.push(...p.list);
  const layout = readLayout(files.keys());
  for (const path of layout.ignored) issues.push({ severity: 'warning', file: name(path), line: 1, column: 1, path: '', message: 'this file is not part of the workspace layout and is not read', hint: 'see AUTHORING.md, "Workspaces"' });
  if (!layout.world) {
    issues.push({ severity: 'error', file: name('world.yaml'), line: 1, column: 1, path: '', message: 'a workspace needs world.yaml (workload, duration, drain, seed, faults)' });
    return finish(issues);
  }
  const world = readWorld(files.get(layout.world)!, name(layout.world), issues);
  const hostsWith = (role: Role) => [...layout.hosts.values()].filter((h) => h.roles.has(role));

  // Elasticsearch hosts
  const esNodes: Record<string, { type: 'elasticsearch'; mappings: Record<string, Record<string, string>> }> = {};
  for (const host of hostsWith('elasticsearch')) {
    const mappings: Record<string, Record<string, string>> = {};
    for (const path of host.files) {
      const p = problemsOf(path);
      if (path.endsWith('.json')) {
        const m = readIndexBody(files.get(path)!, p);
        if (m && Object.keys(m).length > 0) mappings[path.split('/').pop()!.replace(/\.json$/, '')] = m;
      } else if (path.endsWith('elasticsearch.yml')) readSettingsYaml(files.get(path)!, p);
      collect(p);
    }
    esNodes[host.name] = { type: 'elasticsearch', mappings };
  }

  // Logstash hosts
  const logstash: LogstashHost[] = [];
  /** `node.setting` → where a real file writes it: a later problem with the setting (a limit) is marked there. */
  const settingAt = new Map<string, Loc & { file: string }>();
  for (const host of hostsWith('logstash')) {
    const ymlPath = host.files.find((f) => f.endsWith('/logstash.yml'));
    const ymlProblems = problemsOf(ymlPath ?? `${host.name}/logstash.yml`);
    const settings = readLogstashYml(ymlPath ? files.get(ymlPath)! : '', ymlProblems, (key, at) => settingAt.set(`${host.name}.${key}`, { file: name(ymlPath!), ...at }));
    collect(ymlProblems);
    const merged: CompiledPipeline = { listeners: [], filter: [], outputs: {}, sleepMsPerEvent: 0 };
    const confProblems: Problems[] = [];
    const outputIn: LogstashHost['outputIn'] = {};
    const confs = host.files.filter((f) => f.endsWith('.conf'));
    if (confs.length === 0) issues.push({ severity: 'error', file: name(`${host.name}/pipeline`), line: 1, column: 1, path: '', message: `Logstash on ${host.name} has no pipeline`, hint: `write ${host.name}/pipeline/main.conf` });
    for (const path of confs) {
      // Logstash concatenates the files of path.config in name order; each file here is a whole
      // sequence of sections, so its problems keep their own line numbers.
      const result = checkLogstashPipeline(files.get(path)!, name(path));
      confProblems.push(result.problems);
      if (!result.compiled) continue;
      merged.listeners.push(...result.compiled.listeners);
      merged.filter.push(...result.compiled.filter);
      merged.sleepMsPerEvent += result.compiled.sleepMsPerEvent;
      for (const [k, v] of Object.entries(result.compiled.outputs) as [keyof CompiledPipeline['outputs'], never][]) {
        if (k in merged.outputs) result.problems.warn(v['loc'], `a second ${k} output is not simulated: the simulation keeps the first`);
        else {
          merged.outputs[k] = v;
          outputIn[k] = result.problems;
        }
      }
    }
    logstash.push({ host, compiled: merged, settings, problems: confProblems, outputIn });
  }

  // Filebeat hosts
  const filebeats: { host: Host; path: string; compiled: CompiledFilebeat; problems: Problems }[] = [];
  for (const host of hostsWith('filebeat')) {
    const path = `${host.name}/filebeat.yml`;
    const result = checkFilebeatYml(files.get(path)!, name(path));
    if (result.compiled) filebeats.push({ host, path, compiled: result.compiled, problems: result.problems });
    else collect(result.problems);
  }

  const roleOf = (host: string): Role[] => [...(layout.hosts.get(host)?.roles ?? [])];
  /** Checks that `hp` names a host running `role`; the problem goes to `p` at `loc`. */
  const resolve = (hp: HostPort, role: Role, p: Problems, loc: Loc): string | undefined => {
    const host = layout.hosts.get(hp.host);
    if (!host) {
      const guess = closest(hp.host, layout.hosts.keys());
      p.error(loc, `no host "${hp.host}" in this workspace (${hp.text})`, guess ? `did you mean "${guess}"?` : `hosts: ${[...layout.hosts.keys()].join(', ') || 'none'}`);
      return undefined;
    }
    if (!host.roles.has(role)) {
      p.error(loc, `${hp.host} runs ${roleOf(hp.host).join(' and ')}, not ${role} (${hp.text})`);
      return undefined;
    }
    return hp.host;
  };

  const kafkaCluster = compileKafka(hostsWith('kafka'), files, name, resolve, issues);
  const aws = compileAwsWorkspace(layout.aws, hostsWith('kcl'), files, name, resolve, issues);
  const nodes: Record<string, unknown> = {};
  const nodeFile = new Map<string, string>();
  for (const id of Object.keys(esNodes)) nodeFile.set(id, name(layout.hosts.get(id)!.files[0]!));

  for (const ls of logstash) {
    const out: Record<string, unknown> = {};
    const es = ls.compiled.outputs.elasticsearch;
    if (es) {
      const p = ls.outputIn.elasticsearch!;
      const targets = new Set(es.hosts.map((h) => resolve(h, 'elasticsearch', p, es.loc)));
      if (targets.size > 1) p.warn(es.loc, 'the simulation models one Elasticsearch cluster per output: these hosts name different ones, the first is used');
      const node = [...targets][0];
      if (node) out.elasticsearch = { node, index: es.index, ...(es.document_id !== undefined ? { document_id: es.document_id } : {}), action: es.action };
    }
    const kafka = ls.compiled.outputs.kafka;
    if (kafka) {
      const p = ls.outputIn.kafka!;
      const ok = kafka.servers.map((h) => resolve(h, 'kafka', p, kafka.loc)).every((id) => id !== undefined);
      if (ok && kafkaCluster) {
        kafkaCluster.useTopic(kafka.topic_id, p, kafka.loc);
        const { servers: _s, loc: _l, ...settings } = kafka;
        out.kafka = { node: KAFKA_NODE, ...settings };
      }
    }
    const s3 = ls.compiled.outputs.s3;
    if (s3) {
      // Amazon S3 is not a host of the workspace: every s3 output writes to the simulated object store.
      out.s3 = { node: 's3', prefix: s3.prefix, time_file: s3.time_file };
      nodes.s3 = { type: 's3' };
    }
    const kinesis = ls.compiled.outputs.kinesis;
    if (kinesis) {
      const stream = aws.streamFor(kinesis.stream_name, ls.outputIn.kinesis!, kinesis.loc);
      if (stream) out.kinesis = { node: stream, ...kinesis.settings };
    }
    const listener = ls.compiled.listeners[0];
    const sleeping = ls.compiled.sleepMsPerEvent > 0 ? { 'processing-time': ls.compiled.sleepMsPerEvent } : {};
    nodes[ls.host.name] = { type: 'logstash', ...ls.settings, ...sleeping, input: listener?.plugin ?? 'beats', filter: ls.compiled.filter, output: out };
    nodeFile.set(ls.host.name, name(ls.host.files.find((f) => f.endsWith('.conf')) ?? ls.host.files[0]!));
  }

  // Filebeats: outputs, then one beats node for all of them, reading each server's own files.
  let totalFiles = 0;
  let beatsNode: Record<string, unknown> | undefined;
  let beatsFrom: string | undefined;
  for (const fb of filebeats) {
    const p = fb.problems;
    const o = fb.compiled.output;
    let target: string | string[] | undefined;
    if (o) {
      const role: Role = o.type === 'logstash' ? 'logstash' : o.type === 'elasticsearch' ? 'elasticsearch' : 'kafka';
      const resolved = o.hosts.map((h) => {
        const id = resolve(h, role, p, o.loc);
        if (id && role === 'logstash') {
          const ls = logstash.find((l) => l.host.name === id)!;
          const listener = ls.compiled.listeners[0];
          if (!listener) p.error(o.loc, `Logstash on ${id} has no input listening (${h.text})`, 'add input { beats { port => 5044 } }');
          else if (listener.port !== h.port) p.error(o.loc, `Logstash on ${id} listens on port ${listener.port}, not ${h.port} (${h.text})`, `write "${id}:${listener.port}"`);
          else if (listener.plugin !== 'beats') p.error(o.loc, `${h.text} is a ${listener.plugin} input; Filebeat's logstash output speaks the Beats protocol`, 'use input { beats { … } }');
        }
        return id;
      });
      const distinct = [...new Set(resolved)];
      // Several Logstash hosts stay a list: the beats node fails over between them, or load-balances (`loadbalance`) [FB6].
      if (distinct.length > 1 && role === 'elasticsearch') p.warn(o.loc, 'load balancing over several hosts is not simulated: the first host gets every batch');
      target = distinct.length > 1 && role === 'logstash' && distinct.every((id) => id !== undefined) ? (distinct as string[]) : resolved[0];
      if (role === 'kafka' && resolved.every((id) => id !== undefined) && kafkaCluster) {
        // Brokers are hosts; the cluster is one node. output.kafka.topic is required (libbeat/outputs/kafka/config.go).
        const topic = fb.compiled.beats.topic;
        if (typeof topic !== 'string') p.error(o.loc, "missing required field accessing 'output.kafka.topic'", 'topic: logs');
        else kafkaCluster.useTopic(topic, p, o.loc);
        target = KAFKA_NODE;
      }
    }
    // Which generated files this Filebeat reads (only files written on its own host).
    const written = world?.logs.get(fb.host.name) ?? [];
    if (world && written.length === 0) p.warn(undefined, `no log files are written on ${fb.host.name} (world.yaml workload.logs)`, `add ${fb.host.name}: [/var/log/…] under workload.logs`);
    const matchedGlobs = new Set<string>();
    written.forEach((file, i) => {
      const readers = fb.compiled.inputs.filter((input) => input.paths.some((g) => globMatches(g.glob, file) && matchedGlobs.add(`${input.loc.line}:${g.glob}`)));
      const at = world!.map.locate(['workload', 'logs', fb.host.name, i]);
      if (readers.length === 0) issues.push({ severity: 'error', file: world!.map.file, ...at, path: `workload.logs.${fb.host.name}.${i}`, message: `no filebeat.inputs path in ${name(fb.path)} matches ${file}: nothing would ship it`, hint: 'every generated file must be read by its server\'s Filebeat' });
      else if (readers.length > 1) issues.push({ severity: 'error', file: world!.map.file, ...at, path: `workload.logs.${fb.host.name}.${i}`, message: `${file} is read by ${readers.length} inputs of ${name(fb.path)}: each would ship every line (duplicates), which is not simulated`, hint: 'let one input\'s paths match it' });
    });
    totalFiles += written.length;
    for (const input of fb.compiled.inputs) for (const g of input.paths) if (!matchedGlobs.has(`${input.loc.line}:${g.glob}`) && written.length > 0) p.warn(g.loc, `no file written on ${fb.host.name} matches ${g.glob}`);
    const node = { type: 'beats', output: target ?? '', ...fb.compiled.beats };
    if (!beatsNode) {
      beatsNode = node;
      beatsFrom = fb.path;
    } else {
      const diff = Object.keys({ ...beatsNode, ...node }).filter((k) => JSON.stringify(beatsNode![k]) !== JSON.stringify((node as Record<string, unknown>)[k]));
      if (diff.length > 0) p.error(undefined, `the simulator runs the Filebeats of all servers as one: ${name(fb.path)} differs from ${name(beatsFrom!)} in ${diff.map((k) => (k === 'output' ? 'its output' : `\`${k}\``)).join(', ')}`, 'give every filebeat.yml the same settings and output');
    }
    collect(p);
  }
  for (const ls of logstash) for (const p of ls.problems) collect(p);
  if (world) for (const host of world.logs.keys()) {
    if (!layout.hosts.get(host)?.roles.has('filebeat')) issues.push({ severity: 'error', file: world.map.file, ...world.map.locateKey(['workload', 'logs'], host), path: `workload.logs.${host}`, message: `logs are written on ${host} but no Filebeat ships them`, hint: `write ${host}/filebeat.yml` });
  }
  if (beatsNode) nodeFile.set(FILEBEAT_NODE, name(beatsFrom!));
  if (beatsNode && world && totalFiles === 0) {
    issues.push({ severity: 'error', file: world.map.file, ...world.map.locate(['workload']), path: 'workload.logs', message: 'Filebeat runs, but world.yaml writes no log files for it to read', hint: `workload: { logs: { ${filebeats[0]!.host.name}: [/var/log/apache2/access.log] } }` });
  }
  // Flink jobs and consumer apps write topics others read: sinks first, then every Flink source's topic must exist.
  const flink = compileFlinkHosts(hostsWith('flink'), files, name, resolve, kafkaCluster, issues, aws.template ? aws.streamFor : undefined);
  const apps = compileAppHosts(hostsWith('app'), files, name, resolve, kafkaCluster, issues);
  flink.checkSources();
  // The Lambda/Kappa layers: Airflow DAGs running Spark SQL over the lake, then the serving layers reading them.
  // An Airflow host whose jobs read a database over JDBC is the orders warehouse, not a batch layer over the lake.
  const warehouseHosts = hostsWith('airflow').filter((h) => isWarehouseHost(h, files));
  const batch = compileBatchHosts(hostsWith('airflow').filter((h) => !warehouseHosts.includes(h)), files, name, issues);
  const warehouse = compileWarehouseHosts(warehouseHosts, hostsWith('postgres'), files, name, resolve, issues);
  if (world) applyDeploys(readDeploys(world.data, world.map, files, issues), files, name, world.map, flink.nodes, batch.nodes, batch.sqlFiles, issues);
  const serving = compileServingHosts(hostsWith('serving'), files, name, resolve, batch.tables, flink.nodes, batch.nodes, issues);
  for (const [id, file] of [...flink.files, ...apps.files, ...batch.files, ...serving.files, ...aws.files]) nodeFile.set(id, file);
  if (flink.usesS3 || apps.usesS3 || aws.usesS3) nodes.s3 = { type: 's3' };
  if (Object.keys(batch.nodes).length > 0 && !nodes.s3) issues.push({ severity: 'error', file: batch.files.values().next().value!, line: 1, column: 1, path: '', message: 'the batch job reads the lake, but nothing writes to the object store', hint: 'give Logstash an s3 output (or a Flink filesystem sink)' });
  // Data-flow order, as specs are written: Filebeat, Logstash, Kafka and the Kinesis streams, Flink
  // jobs, apps (Firehose streams and KCL apps among them), then the stores.
  const { s3: s3Node, ...logstashNodes } = nodes;
  const streams = Object.fromEntries(Object.entries(aws.nodes).filter(([, n]) => n.type === 'kinesis'));
  const awsReaders = Object.fromEntries(Object.entries(aws.nodes).filter(([, n]) => n.type !== 'kinesis'));
  const ordered = { ...(beatsNode ? { [FILEBEAT_NODE]: beatsNode } : {}), ...logstashNodes, ...(kafkaCluster ? { [KAFKA_NODE]: kafkaCluster.node } : {}), ...streams, ...flink.nodes, ...apps.nodes, ...awsReaders, ...batch.nodes, ...serving.nodes, ...esNodes, ...(s3Node ? { s3: s3Node } : {}) };
  if (kafkaCluster) nodeFile.set(KAFKA_NODE, kafkaCluster.file);
  const runbook = readRunbooks(hostsWith('ops'), files, problemsOf, (hp, role, p, loc) => resolve(hp, role, p, loc), collect);
  if (!world || issues.some((i) => i.severity === 'error')) return finish(issues);
  const rename = (host: unknown) => {
    if (typeof host !== 'string') return host;
    if (filebeats.some((f) => f.host.name === host)) return FILEBEAT_NODE;
    if (kafkaCluster?.brokers.includes(host)) return kafkaCluster.targetOf(host);
    return host;
  };
  return toSpec(world, ordered, totalFiles, rename, nodeFile, issues, settingAt, runbook, warehouse, aws.catalog);
}

/** `rename`: a host name in a fault → the internal node id or broker address. */
function toSpec(world: World, nodes: Record<string, unknown>, files: number, rename: (host: unknown) => unknown, nodeFile: Map<string, string>, issues: SpecIssue[], settingAt: ReadonlyMap<string, Loc & { file: string }>, runbook: readonly RunbookLine[], warehouse?: CompiledWarehouse, catalog?: unknown): WorkspaceOutcome {
  const wh = warehouse ? warehouseData(world, warehouse) : undefined;
  const faults = Array.isArray(world.data.faults)
    ? world.data.faults.filter((f: unknown) => !wh?.isDbFault(f)).map((f: unknown) => {
        if (f === null || typeof f !== 'object') return f;
        const fault = { ...(f as Record<string, unknown>) };
        if (typeof fault.crash === 'string') fault.crash = rename(fault.crash);
        if (typeof fault.link === 'string') fault.link = fault.link.split('->').map(rename).join('->');
        if (Array.isArray(fault.partition)) fault.partition = fault.partition.map(rename);
        return fault;
      })
    : world.data.faults;
  const { logs: _logs, orders: _orders, ...workload } = (world.data.workload ?? {}) as Record<string, unknown>;
  const { deploys: _deploys, reshards: _reshards, 'processing-time': _processingTime, ...worldData } = world.data;
  const reshardIssues: SpecIssue[] = [];
  applyWorldReshards(world.data, world.map, nodes, reshardIssues);
  applyWorldProcessingTime(world.data, world.map, nodes, reshardIssues);
  if (reshardIssues.length) return finish([...issues, ...reshardIssues]);
  const data: Record<string, unknown> = {
    ...worldData,
    workload: files > 0 ? { ...workload, files } : workload,
    nodes,
    ...(faults !== undefined ? { faults } : {}),
    ...(runbook.length > 0 ? { operations: runbook.map(({ at, run }) => ({ at, run })) } : {}),
    ...(wh ? { warehouse: wh.data } : {}),
    ...(catalog ? { catalog } : {}),
  };
  const outcome = validateData(data, world.map);
  // Problems about nodes are located by the internal spec's paths, which world.yaml does not have:
  // point them at the setting's value where a real file writes it, else at the file the node came from.
  const relocate = (i: SpecIssue): SpecIssue => {
    const [top, id, ...key] = i.path.split('.');
    const written = top === 'nodes' ? settingAt.get(`${id}.${key.join('.')}`) : undefined;
    if (written) return { ...i, ...written };
    if (top !== 'nodes' || !id || !nodeFile.has(id)) return i;
    return { ...i, file: nodeFile.get(id)!, line: 1, column: 1, endLine: 1, endColumn: 1 };
  };
  const warnings = [...issues, ...outcome.warnings.map(relocate)];
  if (!outcome.ok) return { ok: false, errors: relocateOperationIssues(outcome.errors, data, runbook).map(relocate), warnings };
  return { ok: true, spec: outcome.spec, warnings };
}

/**
 * The spec's `warehouse:` from the compiled DAG and world.yaml: `workload.orders` (how the shop writes orders),
 * the database host's crashes as the windows it refuses connections, and the run's `duration` + `drain` as how
 * long the scheduler runs.
 */
function warehouseData(world: World, w: CompiledWarehouse): { data: Record<string, unknown>; isDbFault: (f: unknown) => boolean } {
  const isDbFault = (f: unknown) => f !== null && typeof f === 'object' && (f as Record<string, unknown>).crash === w.dbHost;
  const ms = (v: unknown, dflt: number) => {
    const d = v === undefined ? dflt : parseDuration(v as string | number);
    return typeof d === 'number' ? d : dflt;
  };
  const down: [number, number][] = [];
  for (const f of Array.isArray(world.data.faults) ? world.data.faults : []) {
    if (!isDbFault(f)) continue;
    const at = ms((f as Record<string, unknown>).at, 0);
    const after = (f as Record<string, unknown>)['restart-after'];
    down.push([at, after === undefined ? Number.MAX_SAFE_INTEGER : at + ms(after, 0)]);
  }
  const orders = (world.data.workload as Record<string, unknown> | undefined)?.orders;
  const until = ms(world.data.duration, 60_000) + ms(world.data.drain, 120_000);
  return { data: { ...w.data, ...(orders !== undefined ? { orders } : {}), 'db-down': down, until }, isDbFault };
}

function finish(issues: SpecIssue[]): WorkspaceOutcome {
  return { ok: false, errors: issues.filter((i) => i.severity === 'error'), warnings: issues.filter((i) => i.severity === 'warning') };
}
