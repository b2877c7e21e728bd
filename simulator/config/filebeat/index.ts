/**
 * filebeat.yml → the internal spec's `type: beats` fields, the output's addresses and the input
 * globs. Filebeat (go-ucfg) ignores keys it does not know, so an unknown key is a warning with a
 * guess; what Filebeat itself refuses (two outputs, no paths, an unknown processor or output type)
 * is an error with Filebeat's words.
 */
import { isMap, isSeq, type Node as YamlNode } from 'yaml';
import { closest } from '../../spec/suggest.js';
import { Problems } from '../shared/issues.js';
import { readSettingsYaml, flattenMap, type YamlSetting } from '../yaml/read.js';
import { parseGoDuration } from '../shared/go-duration.js';
import { parseHostPort, type HostPort } from '../shared/hosts.js';
import type { Loc } from '../logstash/ast.js';
import { GENERAL, OUTPUTS, INPUT_SETTINGS, KNOWN_PROCESSORS, SIMULATED_PROCESSORS, type FilebeatSetting } from './settings.js';

export type FilebeatOutputType = 'logstash' | 'kafka' | 'elasticsearch';

export interface FilebeatInput { id?: string; paths: { glob: string; loc: Loc }[]; loc: Loc }

export interface CompiledFilebeat {
  /** Internal-spec beats fields (all but `type` and `output`). */
  beats: Record<string, unknown>;
  output?: { type: FilebeatOutputType; hosts: HostPort[]; loc: Loc };
  inputs: FilebeatInput[];
}

export interface FilebeatResult { problems: Problems; compiled?: CompiledFilebeat }

const DEFAULT_PORT: Record<FilebeatOutputType, number> = { logstash: 5044, kafka: 9092, elasticsearch: 9200 };

export function checkFilebeatYml(text: string, file: string): FilebeatResult {
  const problems = new Problems(file);
  const yml = readSettingsYaml(text, problems);
  if (!yml) return { problems };
  const values = new Map<string, unknown>();
  const outputSettings = new Map<string, YamlSetting>();
  const enabledOutputs: { type: string; loc: Loc }[] = [];
  let inputsNode: YamlSetting | undefined;
  let processorsNode: YamlSetting | undefined;

  for (const setting of yml.settings.values()) {
    if (setting.key === 'filebeat.inputs') inputsNode = setting;
    else if (setting.key === 'processors') processorsNode = setting;
    else if (setting.key.startsWith('output.')) {
      const [, type, ...rest] = setting.key.split('.');
      const decls = OUTPUTS[type!];
      if (!decls) {
        if (!['file', 'console', 'redis', 'discard'].includes(type!)) problems.error(setting.keyLoc, `error initializing publisher: output type ${type} undefined`, `outputs: ${Object.keys(OUTPUTS).join(', ')}, file, console, redis`);
        else problems.warn(setting.keyLoc, `output.${type} is valid but not simulated`);
        continue;
      }
      const option = rest.join('.');
      if (!enabledOutputs.some((o) => o.type === type)) enabledOutputs.push({ type: type!, loc: setting.keyLoc });
      outputSettings.set(`${type}.${option}`, setting);
      checkSetting(option, decls, setting, values, problems, `output.${type}.`);
    } else checkSetting(setting.key, GENERAL, setting, values, problems, '');
  }

  const active = enabledOutputs.filter((o) => values.get(`output.${o.type}.enabled`) !== false);
  if (active.length > 1) problems.error(active[1]!.loc, "more than one namespace configured accessing 'output'", 'Filebeat has exactly one output');
  if (active.length === 0) problems.error(undefined, 'no outputs are defined, please define one under the output section', 'e.g. output.logstash.hosts: ["logstash:5044"]');
  const outputType = active[0]?.type as FilebeatOutputType | undefined;

  const inputs = inputsNode ? readInputs(inputsNode, yml.locOf, problems) : [];
  if (!inputsNode) problems.warn(undefined, 'no filebeat.inputs: this Filebeat reads nothing');
  const processors = readProcessors(processorsNode?.node ?? null, yml.locOf, problems, 'processors');
  for (const input of inputs) processors.push(...input.processors);

  const get = (key: string, decls: Readonly<Record<string, FilebeatSetting>>, option: string) => values.get(key) ?? decls[option]?.default;
  const out = (option: string) => (outputType ? get(`output.${outputType}.${option}`, OUTPUTS[outputType]!, option) : undefined);
  const ms = (v: unknown) => parseGoDuration(v)!;
  const first = inputs[0];
  const beats: Record<string, unknown> = {
    'queue.mem.events': get('queue.mem.events', GENERAL, 'queue.mem.events'),
    'filebeat.registry.flush': ms(get('filebeat.registry.flush', GENERAL, 'filebeat.registry.flush')),
    processors: [...new Set(processors)],
  };
  if (outputType) {
    beats.bulk_max_size = out('bulk_max_size');
    beats.timeout = ms(out('timeout'));
    beats['backoff.init'] = ms(out('backoff.init'));
    beats['backoff.max'] = ms(out('backoff.max'));
    if (outputType === 'logstash') {
      beats.pipelining = out('pipelining');
      // Only what changes behaviour, so that a filebeat.yml writing the defaults compiles to the spec it always did:
      // `worker` counts connections only with `loadbalance: true` (without it one connection is open at a time) [FB6].
      if (values.get('output.logstash.loadbalance') === true) {
        beats.loadbalance = true;
        if (values.has('output.logstash.worker')) beats.worker = values.get('output.logstash.worker');
      }
    }
    if (outputType === 'kafka' && out('topic') !== undefined) beats.topic = out('topic');
    if (outputType === 'elasticsearch' && out('index') !== undefined) beats.index = out('index');
  }
  if (first) {
    beats.scan_frequency = first.scanFrequency;
    beats.close_inactive = first.closeInactive;
    for (const other of inputs.slice(1)) {
      if (other.scanFrequency !== first.scanFrequency || other.closeInactive !== first.closeInactive) {
        problems.warn(other.loc, 'the simulation scans every input of a Filebeat with the settings of its first input', 'give the inputs the same check interval and inactivity timeout');
      }
    }
  }
  let output: CompiledFilebeat['output'];
  if (outputType) {
    const hostsSetting = outputSettings.get(`${outputType}.hosts`);
    if (!hostsSetting) problems.error(active[0]!.loc, `missing required field accessing 'output.${outputType}.hosts'`);
    else {
      const list = Array.isArray(hostsSetting.value) ? hostsSetting.value.map(String) : typeof hostsSetting.value === 'string' ? [hostsSetting.value] : [];
      output = { type: outputType, hosts: list.map((h) => parseHostPort(h, DEFAULT_PORT[outputType!])), loc: hostsSetting.valueLoc };
    }
  }
  return { problems, compiled: { beats, ...(output ? { output } : {}), inputs: inputs.map(({ id, paths, loc }) => ({ ...(id !== undefined ? { id } : {}), paths, loc })) } };
}

function checkSetting(option: string, decls: Readonly<Record<string, FilebeatSetting>>, setting: YamlSetting, values: Map<string, unknown>, problems: Problems, prefix: string): void {
  const decl = decls[option];
  if (!decl) {
    const guess = closest(option, Object.keys(decls));
    problems.warn(setting.keyLoc, `Filebeat ignores unknown setting \`${prefix}${option}\``, guess ? `did you mean \`${prefix}${guess}\`?` : undefined);
    return;
  }
  const v = setting.value;
  const k = decl.kind;
  let ok = true;
  if (Array.isArray(k)) ok = k.includes(String(v));
  else if (k === 'duration') ok = parseGoDuration(v) !== undefined;
  else if (k === 'positive') ok = Number.isInteger(v) && (v as number) > 0;
  else if (k === 'nonnegative') ok = Number.isInteger(v) && (v as number) >= 0;
  else if (k === 'boolean') ok = typeof v === 'boolean';
  else if (k === 'hosts') ok = (Array.isArray(v) && v.every((h) => typeof h === 'string')) || typeof v === 'string';
  else if (k === 'string') ok = typeof v === 'string' || typeof v === 'number';
  if (!ok) {
    const expected = Array.isArray(k) ? `one of ${k.join(', ')}` : k === 'duration' ? 'a duration such as 1s, 500ms or 5m (a bare number is seconds)' : k === 'hosts' ? 'a list of "host:port" strings' : k === 'positive' ? 'a whole number > 0' : k === 'nonnegative' ? 'a whole number ≥ 0' : k;
    problems.error(setting.valueLoc, `\`${prefix}${option}\`: expected ${expected}, got ${JSON.stringify(v)}`, decl.doc);
    return;
  }
  values.set(prefix + option, v);
}

interface ReadInput extends FilebeatInput { scanFrequency: number; closeInactive: number; processors: string[] }

function readInputs(setting: YamlSetting, locOf: (n: YamlNode | null | undefined) => Loc, problems: Problems): ReadInput[] {
  if (!isSeq(setting.node)) {
    problems.error(setting.valueLoc, '`filebeat.inputs` is a list of inputs', 'each item starts with `- type: filestream`');
    return [];
  }
  const out: ReadInput[] = [];
  const ids = new Map<string, Loc>();
  setting.node.items.forEach((item, i) => {
    const node = item as YamlNode;
    if (!isMap(node)) {
      problems.error(locOf(node), `filebeat.inputs.${i} is not a mapping`);
      return;
    }
    const settings = flattenMap(node, locOf, problems, new Set(['parsers', 'fields', 'file_identity.fingerprint', 'file_identity.native', 'file_identity.path', 'multiline']));
    const typeSetting = settings.get('type');
    const type = typeSetting?.value;
    if (type !== 'filestream' && type !== 'log') {
      if (typeof type === 'string') problems.warn(typeSetting!.valueLoc, `the ${type} input is valid but not simulated`, 'simulated inputs: filestream, log');
      else problems.error(locOf(node), `missing required field accessing 'filebeat.inputs.${i}.type'`, 'type: filestream');
      return;
    }
    const decls = INPUT_SETTINGS[type];
    const values = new Map<string, unknown>();
    const at = `filebeat.inputs.${i}.`;
    for (const s of settings.values()) if (s.key !== 'processors') checkSetting(s.key, decls, s, values, problems, at);
    if (values.get(`${at}enabled`) === false) return;
    const pathsSetting = settings.get('paths');
    const globs = Array.isArray(pathsSetting?.value) ? (pathsSetting!.value as unknown[]) : [];
    if (globs.length === 0) {
      problems.error(pathsSetting?.valueLoc ?? locOf(node), 'each input must have at least one path defined', 'paths: ["/var/log/apache2/access.log*"]');
      return;
    }
    const pathLocs = isSeq(pathsSetting!.node) ? pathsSetting!.node.items.map((n) => locOf(n as YamlNode)) : [];
    const id = values.get(`${at}id`) as string | undefined;
    if (type === 'filestream' && id === undefined) problems.warn(locOf(node), 'a filestream input without an `id`: file states are keyed by the id, so adding one later reads every file again', 'id: my-unique-id');
    if (id !== undefined) {
      if (ids.has(id)) problems.warn(settings.get('id')!.valueLoc, `filestream input id '${id}' is used twice: Filebeat 8.x may read the files twice, and 9.x does not start such inputs`, 'each input needs its own id');
      ids.set(id, settings.get('id')!.valueLoc);
    }
    const dur = (key: string) => parseGoDuration(values.get(at + key) ?? decls[key]!.default)!;
    out.push({
      ...(id !== undefined ? { id } : {}),
      paths: globs.map((g, j) => ({ glob: String(g), loc: pathLocs[j] ?? pathsSetting!.valueLoc })),
      loc: locOf(node),
      scanFrequency: dur(type === 'filestream' ? 'prospector.scanner.check_interval' : 'scan_frequency'),
      closeInactive: dur(type === 'filestream' ? 'close.on_state_change.inactive' : 'close_inactive'),
      processors: readProcessors(settings.get('processors')?.node ?? null, locOf, problems, `filebeat.inputs.${i}.processors`),
    });
  });
  return out;
}

/** `processors: [ { add_id: ~ }, { fingerprint: { fields: [...] } } ]` → the simulated ones' names. */
function readProcessors(node: YamlNode | null, locOf: (n: YamlNode | null | undefined) => Loc, problems: Problems, where: string): string[] {
  if (node === null) return [];
  if (!isSeq(node)) {
    problems.error(locOf(node), `\`${where}\` is a list`, '- add_id: ~');
    return [];
  }
  const out: string[] = [];
  for (const item of node.items) {
    const map = item as YamlNode;
    if (!isMap(map) || map.items.length !== 1) {
      problems.error(locOf(map), 'each processor is a mapping with one key, the processor\'s name', '- add_id: ~');
      continue;
    }
    const pair = map.items[0]!;
    const name = String((pair.key as { value?: unknown }).value);
    const keyLoc = locOf(pair.key as YamlNode);
    if (!KNOWN_PROCESSORS.includes(name)) {
      const guess = closest(name, KNOWN_PROCESSORS);
      problems.error(keyLoc, `the processor action ${name} does not exist`, guess ? `did you mean ${guess}?` : undefined);
      continue;
    }
    if (!(SIMULATED_PROCESSORS as readonly string[]).includes(name)) {
      problems.warn(keyLoc, `the ${name} processor is valid but not simulated`);
      continue;
    }
    const body = pair.value as YamlNode | null;
    if (name === 'fingerprint') {
      // libbeat/processors/fingerprint/config.go: `fields` is required.
      const fields = isMap(body) ? body.get('fields') : undefined;
      if (fields === undefined) {
        problems.error(keyLoc, `missing required field accessing '${where}.fingerprint.fields'`, 'fields: ["log.file.path", "log.offset", "message"]');
        continue;
      }
    }
    // Where the id goes: add_id's `target_field` defaults to `@metadata._id` (libbeat/processors/add_id/config.go),
    // fingerprint's to `fingerprint` (libbeat/processors/fingerprint/config.go). Only an id in `@metadata._id`
    // becomes the document _id an output uses; the simulation models that one and says so for any other.
    const target = isMap(body) ? body.get('target_field') : undefined;
    const targetField = target === undefined || target === null ? (name === 'add_id' ? '@metadata._id' : 'fingerprint') : String(target);
    if (targetField !== '@metadata._id') {
      problems.warn(keyLoc, `the ${name} processor writes its id to \`${targetField}\`, which the simulation leaves out: only an id in \`@metadata._id\` is simulated (it becomes the document _id)`, `target_field: "@metadata._id"`);
      continue;
    }
    out.push(name);
  }
  return out;
}
