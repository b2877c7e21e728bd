/**
 * Resolves CloudFormation intrinsics to the strings CloudFormation would put there: `Ref` of a
 * resource is its name (a stream's, a bucket's, a role's; the logical ID when the name is left to
 * CloudFormation), `Fn::GetAtt X.Arn` its ARN, `Fn::Sub` and `Fn::Join` build strings from those.
 * The account and region are fixed example values (pseudo parameters), since nothing simulated
 * depends on them. Other functions (conditions, mappings, imports) are reported as not simulated.
 *
 * Sources: .../TemplateReference/intrinsic-function-reference-{ref,getatt,sub,join}.html and
 * pseudo-parameter-reference.html; the ARN formats of each service's "Resource types" IAM page.
 */
import type { Loc } from '../logstash/ast.js';
import type { Problems } from '../shared/issues.js';
import type { CfnValue } from './cfn-yaml.js';

export interface Resource { logicalId: string; type: string; props: CfnValue; name: string; nameLoc: Loc; loc: Loc }

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

const PSEUDO: Readonly<Record<string, string>> = {
  'AWS::AccountId': ACCOUNT,
  'AWS::Region': REGION,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'pipeline-lab',
  'AWS::StackId': `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/pipeline-lab/00000000-0000-0000-0000-000000000000`,
};

/** The ARN CloudFormation's `Fn::GetAtt X.Arn` gives for each simulated type. */
export function arnOf(type: string, name: string): string | undefined {
  switch (type) {
    case 'AWS::Kinesis::Stream':
      return `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${name}`;
    case 'AWS::KinesisFirehose::DeliveryStream':
      return `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/${name}`;
    case 'AWS::S3::Bucket':
      return `arn:aws:s3:::${name}`;
    case 'AWS::IAM::Role':
      return `arn:aws:iam::${ACCOUNT}:role/${name}`;
    case 'AWS::Scheduler::Schedule':
      return `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/default/${name}`;
    default:
      return undefined;
  }
}

export interface ResolveContext { table: Map<string, Resource>; parameters: Map<string, string>; p: Problems }

function refOf(name: string, loc: Loc, ctx: ResolveContext): string | undefined {
  if (name in PSEUDO) return PSEUDO[name];
  if (ctx.parameters.has(name)) return ctx.parameters.get(name);
  const r = ctx.table.get(name);
  if (r) return r.name;
  ctx.p.error(loc, `Template format error: Unresolved resource dependencies [${name}] in the Resources block of the template`, [...ctx.table.keys()].length ? `resources: ${[...ctx.table.keys()].join(', ')}` : undefined);
  return undefined;
}

function getAtt(resource: string, attribute: string, loc: Loc, ctx: ResolveContext): string | undefined {
  const r = ctx.table.get(resource);
  if (!r) {
    ctx.p.error(loc, `Template error: instance of Fn::GetAtt references undefined resource ${resource}`, [...ctx.table.keys()].length ? `resources: ${[...ctx.table.keys()].join(', ')}` : undefined);
    return undefined;
  }
  const arn = attribute === 'Arn' ? arnOf(r.type, r.name) : undefined;
  if (arn === undefined) ctx.p.error(loc, `Template error: resource ${resource} does not support attribute type ${attribute} in Fn::GetAtt`, 'the simulation resolves Fn::GetAtt X.Arn');
  return arn;
}

/** The string a value stands for; undefined (with a problem reported) when it cannot be known. */
export function resolveString(v: CfnValue, ctx: ResolveContext): string | undefined {
  if (v.kind === 'scalar') return v.value === null ? undefined : String(v.value);
  if (v.kind !== 'fn') {
    ctx.p.error(v.loc, `expected a string here, found a ${v.kind === 'map' ? 'mapping' : 'list'}`);
    return undefined;
  }
  const arg = v.arg;
  const items = arg.kind === 'list' ? arg.items : [];
  switch (v.name) {
    case 'Ref':
      return arg.kind === 'scalar' ? refOf(String(arg.value), v.loc, ctx) : bad(v, ctx, 'Ref takes a logical ID: !Ref Stream');
    case 'Fn::GetAtt': {
      const [res, attr] = items.map((i) => (i.kind === 'scalar' ? String(i.value) : undefined));
      if (items.length !== 2 || !res || !attr) return bad(v, ctx, 'Fn::GetAtt takes [LogicalId, Attribute]: !GetAtt Stream.Arn');
      return getAtt(res, attr, v.loc, ctx);
    }
    case 'Fn::Join': {
      const [delim, list] = items;
      if (items.length !== 2 || delim?.kind !== 'scalar' || list?.kind !== 'list') return bad(v, ctx, 'Fn::Join takes [delimiter, [values]]');
      const parts = list.items.map((i) => resolveString(i, ctx));
      return parts.every((s) => s !== undefined) ? parts.join(String(delim.value ?? '')) : undefined;
    }
    case 'Fn::Sub': {
      const [template, vars] = arg.kind === 'scalar' ? [arg, undefined] : items;
      if (template?.kind !== 'scalar' || typeof template.value !== 'string' || (vars !== undefined && vars.kind !== 'map')) return bad(v, ctx, 'Fn::Sub takes a string, or [string, { Name: value }]');
      const local = new Map<string, CfnValue>(vars?.kind === 'map' ? vars.entries.map((e) => [e.key, e.value]) : []);
      let failed = false;
      const text = template.value.replace(/\$\{(!?)([^}]*)\}/g, (whole: string, bang: string, name: string) => {
        if (bang) return `\${${name}}`; // ${!Literal} is written as ${Literal}
        const value = local.has(name) ? resolveString(local.get(name)!, ctx) : name.includes('.') && !(name in PSEUDO) ? getAtt(name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1), v.loc, ctx) : refOf(name, v.loc, ctx);
        if (value === undefined) failed = true;
        return value ?? whole;
      });
      return failed ? undefined : text;
    }
    default:
      ctx.p.error(v.loc, `${v.name} is valid but not simulated here: write the value, or use Ref, Fn::GetAtt, Fn::Sub or Fn::Join`);
      return undefined;
  }
}

function bad(v: CfnValue, ctx: ResolveContext, hint: string): undefined {
  ctx.p.error(v.loc, `Template error: ${v.kind === 'fn' ? v.name : 'this function'} has an argument it does not take`, hint);
  return undefined;
}
