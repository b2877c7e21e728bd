/**
 * The AWS part of a workspace: `aws/template.yaml` (streams, Firehose streams, buckets) and the KCL
 * applications (`<host>/kcl.properties` + `<host>/app.yaml`), compiled into internal nodes for
 * simulator/config/workspace/compile.ts, which also asks it for the stream a Logstash `kinesis`
 * output names.
 */
import type { SpecIssue } from '../../spec/issues.js';
import { closest } from '../../spec/suggest.js';
import type { Loc } from '../logstash/ast.js';
import { Problems } from '../shared/issues.js';
import type { HostPort } from '../shared/hosts.js';
import type { Host } from '../workspace/layout.js';
import { compileAwsTemplate, type AwsTemplate } from './template.js';
import { compileKclApp } from './kcl.js';
import type { CatalogSpec } from '../../spec/schema/catalog.js';

type Resolve = (hp: HostPort, role: 'elasticsearch', p: Problems, loc: Loc) => string | undefined;

export const AWS_TEMPLATE = 'aws/template.yaml';

export interface AwsWorkspace {
  template?: AwsTemplate;
  /** Streams, Firehose streams and KCL apps, in data-flow order. */
  nodes: Record<string, Record<string, unknown>>;
  /** Node id → the file it came from. */
  files: Map<string, string>;
  usesS3: boolean;
  /** The Glue Data Catalog (spec `catalog`), when the template declares tables. */
  catalog?: CatalogSpec;
  /** The stream a Logstash kinesis output's `stream_name` names, or an error at `loc`. */
  streamFor(streamName: string, p: Problems, loc: Loc): string | undefined;
}

export function compileAwsWorkspace(templatePath: string | undefined, kclHosts: Host[], files: ReadonlyMap<string, string>, name: (path: string) => string, resolve: Resolve, issues: SpecIssue[]): AwsWorkspace {
  const out: AwsWorkspace = {
    nodes: {},
    files: new Map(),
    usesS3: false,
    streamFor(streamName, p, loc) {
      const stream = out.template?.streams.get(streamName);
      if (stream) return stream.id;
      if (out.template?.refusedStreams.has(streamName)) return undefined; // its own error says why
      const guess = closest(streamName, out.template?.streams.keys() ?? []);
      p.error(loc, `no AWS::Kinesis::Stream named ${streamName} in ${AWS_TEMPLATE}`, guess ? `did you mean "${guess}"?` : `declare it in ${AWS_TEMPLATE}: Type: AWS::Kinesis::Stream, Properties: { Name: ${streamName}, ShardCount: 1 }`);
      return undefined;
    },
  };
  if (templatePath) {
    const tp = new Problems(name(templatePath));
    out.template = compileAwsTemplate(files.get(templatePath)!, tp);
    if (out.template) {
      for (const s of out.template.streams.values()) {
        out.nodes[s.id] = s.node;
        out.files.set(s.id, name(templatePath));
      }
      for (const f of out.template.firehoses) {
        if (f.search) {
          const es = resolve(f.search.endpoint, 'elasticsearch', tp, f.search.loc);
          const d = f.node.AmazonopensearchserviceDestinationConfiguration as Record<string, unknown>;
          d.DomainARN = es ?? '';
        }
        out.nodes[f.id] = f.node;
        out.files.set(f.id, name(templatePath));
      }
      out.usesS3 = out.template.usesS3;
      if (out.template.catalog && (out.template.catalog.tables.length > 0 || out.template.catalog.schedules.length > 0)) out.catalog = out.template.catalog;
    }
    issues.push(...tp.list);
  }
  for (const host of kclHosts) {
    const propsPath = `${host.name}/kcl.properties`;
    const appPath = `${host.name}/app.yaml`;
    const p = new Problems(name(propsPath));
    const ap = new Problems(name(appPath));
    if (!out.template) p.error(undefined, `the KCL application on ${host.name} reads a Kinesis stream, and this workspace declares none`, `write ${AWS_TEMPLATE} with an AWS::Kinesis::Stream`);
    const app = compileKclApp(host.name, files.get(propsPath)!, files.get(appPath), p, ap, out.template);
    if (app.esHosts) {
      const targets = app.esHosts.hosts.map((h) => resolve(h, 'elasticsearch', ap, app.esHosts!.loc));
      (app.node.output as { elasticsearch: Record<string, unknown> }).elasticsearch.node = targets[0] ?? '';
    }
    out.nodes[host.name] = app.node;
    out.files.set(host.name, name(files.has(appPath) ? appPath : propsPath));
    out.usesS3 ||= app.usesS3;
    issues.push(...p.list, ...ap.list);
  }
  return out;
}
