/**
 * `<host>/serving.yaml`: the serving layer's query service — what its code reads to answer the
 * dashboard's question. No product configures this (like a consumer app's `app.yaml`), so the file
 * says only what the code does, in terms of the real artefacts it reads:
 *
 *   architecture: lambda
 *   batch-view: batch_view                    # the Spark table a DAG's job writes (INSERT … batch_view)
 *   realtime-view: http://es:9200/realtime    # the index the speed layer's Flink job writes
 *   cut-off-margin: 5s                        # optional: trust the batch view this far behind a run's start
 *
 *   architecture: kappa
 *   index: http://es:9200/counts              # the index (or alias) the stream job writes
 *
 * The Lambda merge is the cut-off rule of simulator/arch/lambda-merge.ts: windows that ended by the
 * last committed batch run's cut-off come from the batch view, later ones from the realtime index.
 * `cut-off-margin` is that code's own safety margin: it answers from the batch view only the windows
 * that ended by min(cut-off, run start − margin), for records still on their way to the lake when a
 * run started (MISCONCEPTIONS 21). It becomes the batch node's `cut-off-margin` (default 0).
 */
import { readSettingsYaml } from '../yaml/read.js';
import { parseDuration } from '../../spec/units.js';
import type { Problems } from '../shared/issues.js';
import type { Loc } from '../logstash/ast.js';

export interface ServingFile {
  architecture: 'lambda' | 'kappa';
  batchView?: string;
  /** host and index of an Elasticsearch URL. */
  realtime?: { host: string; index: string };
  index?: { host: string; index: string };
  /** Where the batch view (lambda) or the index (kappa) is named. */
  loc: Loc;
  realtimeLoc?: Loc;
  /** `sample-every` in ms, when written: how often the dashboard samples the answer. */
  sampleEvery?: number;
  /** Lambda: `cut-off-margin` in ms, when written, and where. */
  cutOffMargin?: { ms: number; loc: Loc };
}

const KEYS = { lambda: ['architecture', 'batch-view', 'realtime-view', 'cut-off-margin', 'sample-every'], kappa: ['architecture', 'index', 'sample-every'] } as const;

function esUrl(v: unknown): { host: string; index: string } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^https?:\/\/([A-Za-z][\w-]*)(?::\d+)?\/([^/\s]+)\/?$/.exec(v);
  return m ? { host: m[1]!, index: m[2]! } : undefined;
}

export function readServingYaml(text: string, problems: Problems): ServingFile | undefined {
  const file = readSettingsYaml(text, problems);
  if (!file) return undefined;
  const get = (k: string) => file.settings.get(k);
  const arch = get('architecture')?.value;
  if (arch !== 'lambda' && arch !== 'kappa') {
    problems.error(get('architecture')?.valueLoc, 'architecture: lambda or kappa', 'architecture: lambda');
    return undefined;
  }
  for (const [k, s] of file.settings) if (!(KEYS[arch] as readonly string[]).includes(k)) problems.error(s.keyLoc, `unknown key \`${k}\` for architecture: ${arch}`, `keys: ${KEYS[arch].join(', ')}`);
  const sample = get('sample-every');
  const sampleMs = sample === undefined ? undefined : parseDuration(sample.value);
  if (typeof sampleMs === 'string') problems.error(sample?.valueLoc, sampleMs, 'sample-every: 1s');
  const sampling = typeof sampleMs === 'number' ? { sampleEvery: sampleMs } : {};
  if (arch === 'lambda') {
    const batchView = get('batch-view')?.value;
    const realtime = esUrl(get('realtime-view')?.value);
    if (typeof batchView !== 'string') problems.error(get('batch-view')?.valueLoc, 'batch-view: the Spark table the batch DAG writes', 'batch-view: batch_view');
    if (!realtime) problems.error(get('realtime-view')?.valueLoc, 'realtime-view: the URL of the index the speed layer writes', 'realtime-view: http://es:9200/realtime');
    const margin = get('cut-off-margin');
    const marginMs = margin === undefined ? undefined : parseDuration(margin.value);
    if (typeof marginMs === 'string') problems.error(margin?.valueLoc, marginMs, 'cut-off-margin: 5s');
    const trust = typeof marginMs === 'number' ? { cutOffMargin: { ms: marginMs, loc: margin!.valueLoc } } : {};
    return typeof batchView === 'string' && realtime ? { architecture: arch, batchView, realtime, loc: get('batch-view')!.valueLoc, realtimeLoc: get('realtime-view')!.valueLoc, ...sampling, ...trust } : undefined;
  }
  const index = esUrl(get('index')?.value);
  if (!index) problems.error(get('index')?.valueLoc, 'index: the URL of the index or alias the readers query', 'index: http://es:9200/counts');
  return index ? { architecture: arch, index, loc: get('index')!.valueLoc, ...sampling } : undefined;
}
