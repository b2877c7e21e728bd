/**
 * `aws/template.yaml` — the workspace's AWS resources as a CloudFormation template — checked
 * against the resource types' declared properties (resource-types.ts) and compiled into the
 * internal spec's `kinesis` and `firehose` nodes (SEMANTICS-2 §6). S3 buckets are the simulated
 * object store (node `s3`); an OpenSearch/Elasticsearch destination's `ClusterEndpoint` must name an
 * Elasticsearch host of the workspace. Messages follow CloudFormation's own ("Properties validation
 * failed for resource X with message: #: extraneous key [Y] is not permitted", "Unresolved resource
 * dependencies [X] in the Resources block of the template").
 */
import { closest } from '../../spec/suggest.js';
import type { Loc } from '../logstash/ast.js';
import type { Problems } from '../shared/issues.js';
import { parseHostPort, type HostPort } from '../shared/hosts.js';
import { entryOf, readCfnYaml, type CfnEntry, type CfnValue } from './cfn-yaml.js';
import { RESOURCE_KEYS, RESOURCE_TYPES, TEMPLATE_SECTIONS, type PropDecl } from './resource-types.js';
import { resolveString, type Resource } from './resolve.js';
import { compileGlueCatalog } from './glue.js';
import { compileSchedules } from './scheduler.js';
import type { CatalogSpec } from '../../spec/schema/catalog.js';

export const S3_NODE = 's3';
const NODE_ID = /^[A-Za-z][\w-]*$/;

export interface CompiledStream { id: string; name: string; logicalId: string; node: Record<string, unknown>; loc: Loc }
export interface CompiledFirehose { id: string; node: Record<string, unknown>; loc: Loc; search?: { endpoint: HostPort; loc: Loc } }

export interface AwsTemplate {
  /** By stream name. */
  streams: Map<string, CompiledStream>;
  firehoses: CompiledFirehose[];
  usesS3: boolean;
  /** Names of streams whose properties were refused: what reads or writes them is not reported again. */
  refusedStreams: Set<string>;
  /** The Glue Data Catalog of AWS::Glue::Table, ::Partition and ::Crawler resources, and the AWS::Scheduler::Schedule resources. */
  catalog?: CatalogSpec;
}

export function compileAwsTemplate(text: string, p: Problems): AwsTemplate | undefined {
  const root = readCfnYaml(text, p);
  if (!root || root.kind !== 'map') return undefined;
  for (const e of root.entries) {
    if (!(TEMPLATE_SECTIONS as readonly string[]).includes(e.key)) {
      const guess = closest(e.key, TEMPLATE_SECTIONS);
      p.error(e.keyLoc, `Template format error: Invalid template property or properties [${e.key}]`, guess ? `did you mean ${guess}?` : `a template's sections: ${TEMPLATE_SECTIONS.join(', ')}`);
    }
  }
  const resources = entryOf(root, 'Resources');
  if (!resources || resources.value.kind !== 'map' || resources.value.entries.length === 0) {
    p.error(resources?.keyLoc, 'Template format error: At least one Resources member must be defined.', 'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n    Properties: { ShardCount: 1 }');
    return undefined;
  }
  const parameters = new Map<string, string>();
  const params = entryOf(root, 'Parameters');
  if (params?.value.kind === 'map') {
    for (const e of params.value.entries) {
      const def = entryOf(e.value, 'Default');
      if (def?.value.kind === 'scalar' && def.value.value !== null) parameters.set(e.key, String(def.value.value));
    }
  }

  // Resources with their names first: Refs and ARNs may point at resources declared further down.
  // A resource whose properties were refused stays in the table, so references to it still resolve.
  const table = new Map<string, Resource>();
  const refused = new Set<string>();
  for (const e of resources.value.entries) {
    const r = readResource(e, p);
    if (!r) continue;
    table.set(e.key, r.resource);
    if (!r.ok) refused.add(e.key);
  }
  const out: AwsTemplate = { streams: new Map(), firehoses: [], usesS3: false, refusedStreams: new Set() };
  const ctx = { table, parameters, p };
  const str = (v: CfnValue | undefined) => (v ? resolveString(v, ctx) : undefined);
  for (const r of table.values()) {
    if (r.type === 'AWS::Kinesis::Stream') {
      if (refused.has(r.logicalId)) out.refusedStreams.add(r.name);
      if (refused.has(r.logicalId) || !checkId(r, p)) continue;
      const props = r.props;
      const int = (k: string) => intOf(entryOf(props, k)?.value, ctx);
      const mode = str(entryOf(entryOf(props, 'StreamModeDetails')?.value ?? props, 'StreamMode')?.value) ?? 'PROVISIONED';
      const node: Record<string, unknown> = { type: 'kinesis', Name: r.name, StreamModeDetails: { StreamMode: mode } };
      const shards = int('ShardCount');
      if (shards !== undefined) node.ShardCount = shards;
      const retention = int('RetentionPeriodHours');
      if (retention !== undefined) node.RetentionPeriodHours = retention;
      out.streams.set(r.name, { id: r.name, name: r.name, logicalId: r.logicalId, node, loc: r.loc });
    } else if (r.type === 'AWS::S3::Bucket') out.usesS3 = true;
  }
  const buckets = [...table.values()].filter((r) => r.type === 'AWS::S3::Bucket');
  if (buckets.length > 1) p.warn(buckets[1]!.loc, 'the simulation has one object store: every bucket is the node `s3`, so keys of different buckets share one listing');
  for (const r of table.values()) {
    if (r.type !== 'AWS::KinesisFirehose::DeliveryStream' || refused.has(r.logicalId) || !checkId(r, p)) continue;
    const f = compileFirehose(r, out, ctx);
    if (f) out.firehoses.push(f);
  }
  out.catalog = compileGlueCatalog(table, refused, ctx);
  out.catalog.schedules = compileSchedules(table, refused, out.catalog, ctx);
  if (out.catalog.tables.length > 0) out.usesS3 = true;
  return out;
}

type Ctx = Parameters<typeof resolveString>[1];

function intOf(v: CfnValue | undefined, ctx: Ctx): number | undefined {
  if (!v) return undefined;
  const s = resolveString(v, ctx);
  return s === undefined ? undefined : Number(s);
}

function checkId(r: Resource, p: Problems): boolean {
  if (NODE_ID.test(r.name)) return true;
  p.error(r.nameLoc, `the simulator names its nodes after the resources, and "${r.name}" is not a usable node id`, 'use letters, digits, - and _, starting with a letter');
  return false;
}

function readResource(e: CfnEntry, p: Problems): { resource: Resource; ok: boolean } | undefined {
  const r = e.value;
  if (r.kind !== 'map') {
    p.error(e.keyLoc, `Template format error: [/Resources/${e.key}] Every Resources object must contain a Type member.`, `${e.key}:\n  Type: AWS::Kinesis::Stream`);
    return undefined;
  }
  for (const k of r.entries) {
    if (!(RESOURCE_KEYS as readonly string[]).includes(k.key)) p.error(k.keyLoc, `Template format error: Invalid template resource property '${k.key}'`, closest(k.key, RESOURCE_KEYS) ? `did you mean ${closest(k.key, RESOURCE_KEYS)}? (resource properties go under Properties)` : 'resource properties go under Properties');
  }
  const typeEntry = entryOf(r, 'Type');
  const type = typeEntry?.value.kind === 'scalar' ? String(typeEntry.value.value) : undefined;
  if (!typeEntry || !type) {
    p.error(e.keyLoc, `Template format error: [/Resources/${e.key}] Every Resources object must contain a Type member.`, 'Type: AWS::Kinesis::Stream');
    return undefined;
  }
  const decls = RESOURCE_TYPES[type];
  const propsEntry = entryOf(r, 'Properties');
  const props: CfnValue = propsEntry?.value ?? { kind: 'map', entries: [], loc: e.keyLoc };
  if (!decls) {
    // A type of a service whose types are declared here is a typo; another service's is left out.
    const service = /^AWS::([A-Za-z0-9]+)::[A-Za-z0-9]+$/.exec(type)?.[1];
    if (service && !Object.keys(RESOURCE_TYPES).some((t) => t.startsWith(`AWS::${service}::`))) p.warn(typeEntry.value.loc, `${type} is not simulated: the simulation leaves this resource out`, `simulated: ${Object.keys(RESOURCE_TYPES).join(', ')}`);
    else {
      const guess = closest(type, Object.keys(RESOURCE_TYPES));
      p.error(typeEntry.value.loc, `Template format error: Unrecognized resource types: [${type}]`, guess ? `did you mean ${guess}?` : undefined);
    }
    return undefined;
  }
  if (props.kind !== 'map') {
    p.error(props.loc, `Properties validation failed for resource ${e.key} with message: #: expected type: JSONObject, found: ${props.kind === 'list' ? 'JSONArray' : 'String'}`);
    return undefined;
  }
  const ok = checkProps(props, decls, e.key, '#', p);
  const nameKey = type === 'AWS::Kinesis::Stream' || type === 'AWS::Glue::Crawler' || type === 'AWS::Scheduler::Schedule' ? 'Name' : type === 'AWS::KinesisFirehose::DeliveryStream' ? 'DeliveryStreamName' : type === 'AWS::S3::Bucket' ? 'BucketName' : 'RoleName';
  // A Glue database's and table's names sit inside DatabaseInput / TableInput.
  const glueInput = type === 'AWS::Glue::Database' ? 'DatabaseInput' : type === 'AWS::Glue::Table' ? 'TableInput' : undefined;
  const nameEntry = entryOf(glueInput ? (entryOf(props, glueInput)?.value ?? props) : props, glueInput ? 'Name' : nameKey);
  // A resource without a name gets one CloudFormation makes up; the simulation uses the logical ID.
  const name = nameEntry?.value.kind === 'scalar' && nameEntry.value.value !== null ? String(nameEntry.value.value) : e.key;
  return { resource: { logicalId: e.key, type, props, name, nameLoc: nameEntry?.value.loc ?? e.keyLoc, loc: e.keyLoc }, ok };
}

/** CloudFormation's resource schema check: unknown keys, required keys, types, enums and ranges. */
function checkProps(map: CfnValue & { kind: 'map' }, decls: Record<string, PropDecl>, resource: string, path: string, p: Problems): boolean {
  const fail = (loc: Loc, message: string, hint?: string) => {
    p.error(loc, `Properties validation failed for resource ${resource} with message: ${message}`, hint);
    ok = false;
  };
  let ok = true;
  for (const e of map.entries) {
    const decl = decls[e.key];
    if (!decl) {
      const guess = closest(e.key, Object.keys(decls));
      fail(e.keyLoc, `${path}: extraneous key [${e.key}] is not permitted`, guess ? `did you mean ${guess}?` : `known here: ${Object.keys(decls).join(', ')}`);
      continue;
    }
    if (decl.simulated === false) p.warn(e.keyLoc, `${e.key} is valid but not simulated`, decl.doc);
    const at = `${path}/${e.key}`;
    const v = e.value;
    if (v.kind === 'fn') continue; // an intrinsic: its value is known once resolved
    const t = decl.type;
    if (typeof t === 'object') {
      if (v.kind !== 'map') fail(v.loc, `${at}: expected type: JSONObject, found: ${v.kind === 'list' ? 'JSONArray' : 'String'}`, decl.doc);
      else ok = checkProps(v, t, resource, at, p) && ok;
      continue;
    }
    if (t === 'Json') continue;
    if (t === 'List') {
      if (v.kind !== 'list') fail(v.loc, `${at}: expected type: JSONArray, found: ${v.kind === 'map' ? 'JSONObject' : 'String'}`, decl.doc);
      continue;
    }
    if (v.kind !== 'scalar' || v.value === null) {
      fail(v.loc, `${at}: expected type: ${t === 'Integer' ? 'Integer' : t}, found: ${v.kind === 'map' ? 'JSONObject' : v.kind === 'list' ? 'JSONArray' : 'Null'}`, decl.doc);
      continue;
    }
    if (t === 'Integer') {
      const n = Number(v.value);
      if (typeof v.value === 'boolean' || !Number.isInteger(n)) fail(v.loc, `${at}: expected type: Integer, found: ${typeof v.value === 'number' ? 'Number' : 'String'}`, decl.doc);
      else if (decl.min !== undefined && n < decl.min) fail(v.loc, `${at}: failed validation constraint for keyword [minimum]`, `${e.key} is ${decl.min} to ${decl.max ?? '…'}: ${decl.doc}`);
      else if (decl.max !== undefined && n > decl.max) fail(v.loc, `${at}: failed validation constraint for keyword [maximum]`, `${e.key} is ${decl.min ?? 0} to ${decl.max}: ${decl.doc}`);
    } else if (t === 'Boolean') {
      if (!/^(true|false)$/i.test(String(v.value))) fail(v.loc, `${at}: expected type: Boolean, found: String`, decl.doc);
    } else if (decl.allowed && !decl.allowed.includes(String(v.value))) {
      const guess = closest(String(v.value), decl.allowed);
      fail(v.loc, `${at}: ${String(v.value)} is not a valid enum value`, guess ? `did you mean ${guess}? (${decl.allowed.join(', ')})` : decl.allowed.join(', '));
    }
  }
  for (const [key, decl] of Object.entries(decls)) {
    if (decl.required && !map.entries.some((e) => e.key === key)) fail(map.loc, `${path}: required key [${key}] not found`, `${key}: ${decl.doc}`);
  }
  return ok;
}

const DESTINATIONS = ['S3DestinationConfiguration', 'ExtendedS3DestinationConfiguration', 'ElasticsearchDestinationConfiguration', 'AmazonopensearchserviceDestinationConfiguration'] as const;

function compileFirehose(r: Resource, out: AwsTemplate, ctx: Ctx): CompiledFirehose | undefined {
  const { p } = ctx;
  const props = r.props;
  const str = (v: CfnValue | undefined) => (v ? resolveString(v, ctx) : undefined);
  const sub = (map: CfnValue | undefined, key: string) => (map ? entryOf(map, key)?.value : undefined);
  const typeEntry = entryOf(props, 'DeliveryStreamType');
  const type = str(typeEntry?.value) ?? 'DirectPut';
  if (type !== 'KinesisStreamAsSource') {
    p.error(typeEntry?.value.loc ?? r.loc, `DeliveryStreamType ${type} is valid but not simulated: the simulated Firehose stream reads a Kinesis data stream`, 'DeliveryStreamType: KinesisStreamAsSource, with KinesisStreamSourceConfiguration');
    return undefined;
  }
  const source = entryOf(props, 'KinesisStreamSourceConfiguration');
  if (!source) {
    p.error(r.loc, `Properties validation failed for resource ${r.logicalId} with message: KinesisStreamSourceConfiguration is required when DeliveryStreamType is KinesisStreamAsSource`, 'KinesisStreamSourceConfiguration: { KinesisStreamARN: !GetAtt Stream.Arn, RoleARN: !GetAtt FirehoseRole.Arn }');
    return undefined;
  }
  const arnValue = sub(source.value, 'KinesisStreamARN')!;
  const arn = str(arnValue);
  if (arn === undefined) return undefined;
  const streamName = /^arn:aws[\w-]*:kinesis:[^:]*:[^:]*:stream\/(.+)$/.exec(arn)?.[1];
  const stream = streamName !== undefined ? out.streams.get(streamName) : undefined;
  if (streamName !== undefined && out.refusedStreams.has(streamName)) return undefined;
  if (!stream) {
    p.error(arnValue.loc, streamName === undefined ? `${arn} is not a Kinesis stream ARN` : `no AWS::Kinesis::Stream named ${streamName} in this template`, 'KinesisStreamARN: !GetAtt Stream.Arn');
    return undefined;
  }
  const present = DESTINATIONS.filter((d) => entryOf(props, d));
  if (present.length !== 1) {
    p.error(r.loc, `Properties validation failed for resource ${r.logicalId} with message: a Firehose stream has exactly one destination (${present.length === 0 ? 'none' : present.join(', ')} given)`, `one of ${DESTINATIONS.join(', ')}`);
    return undefined;
  }
  const hints = (map: CfnValue | undefined) => {
    const h = sub(map, 'BufferingHints');
    const o: Record<string, number> = {};
    for (const k of ['IntervalInSeconds', 'SizeInMBs']) {
      const n = intOf(sub(h, k), ctx);
      if (n !== undefined) o[k] = n;
    }
    return o;
  };
  const s3 = (map: CfnValue | undefined): Record<string, unknown> | undefined => {
    const bucketValue = sub(map, 'BucketARN');
    const bucket = str(bucketValue);
    if (bucket === undefined) return undefined;
    if (!/^arn:aws[\w-]*:s3:::[^/]+$/.test(bucket)) {
      p.error(bucketValue!.loc, `${bucket} is not an S3 bucket ARN`, 'BucketARN: !GetAtt Lake.Arn (or arn:aws:s3:::lake)');
      return undefined;
    }
    out.usesS3 = true;
    const o: Record<string, unknown> = { BucketARN: S3_NODE, BufferingHints: hints(map) };
    const prefix = str(sub(map, 'Prefix'));
    if (prefix !== undefined) o.Prefix = prefix;
    const errorPrefix = str(sub(map, 'ErrorOutputPrefix'));
    if (errorPrefix !== undefined) o.ErrorOutputPrefix = errorPrefix;
    return o;
  };
  const which = present[0]!;
  const dest = entryOf(props, which)!.value;
  const node: Record<string, unknown> = { type: 'firehose', DeliveryStreamName: r.name, DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { KinesisStreamARN: stream.id } };
  if (which === 'S3DestinationConfiguration' || which === 'ExtendedS3DestinationConfiguration') {
    const d = s3(dest);
    if (!d) return undefined;
    node.ExtendedS3DestinationConfiguration = d;
    return { id: r.name, node, loc: r.loc };
  }
  const endpointValue = sub(dest, 'ClusterEndpoint');
  const endpoint = str(endpointValue);
  if (endpoint === undefined) {
    p.error(sub(dest, 'DomainARN')?.loc ?? dest.loc, 'the simulated OpenSearch/Elasticsearch cluster is a host of this workspace: name it in ClusterEndpoint', 'ClusterEndpoint: https://es:9200');
    return undefined;
  }
  if (!/^https:/.test(endpoint)) {
    p.error(endpointValue!.loc, `Properties validation failed for resource ${r.logicalId} with message: #/${which}/ClusterEndpoint: string [${endpoint}] does not match pattern https:.*`, `ClusterEndpoint: ${endpoint.replace(/^[a-z]+:\/\//, 'https://')}`);
    return undefined;
  }
  const backup = s3(sub(dest, 'S3Configuration'));
  if (!backup) return undefined;
  const search: Record<string, unknown> = { DomainARN: '', IndexName: str(sub(dest, 'IndexName')), BufferingHints: hints(dest), S3Configuration: backup };
  const retry = intOf(sub(sub(dest, 'RetryOptions'), 'DurationInSeconds'), ctx);
  if (retry !== undefined) search.RetryOptions = { DurationInSeconds: retry };
  const idFormat = str(sub(sub(dest, 'DocumentIdOptions'), 'DefaultDocumentIdFormat'));
  if (idFormat !== undefined) search.DocumentIdOptions = { DefaultDocumentIdFormat: idFormat };
  const backupMode = str(sub(dest, 'S3BackupMode'));
  if (backupMode !== undefined) search.S3BackupMode = backupMode;
  node.AmazonopensearchserviceDestinationConfiguration = search;
  return { id: r.name, node, loc: r.loc, search: { endpoint: parseHostPort(endpoint, 443), loc: endpointValue!.loc } };
}
