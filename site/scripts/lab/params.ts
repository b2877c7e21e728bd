/**
 * The helper list of settings worth sweeping or changing, derived from the current spec text:
 * each fault's loss/duplication/reordering or crash time, checkpoint intervals, topic retention,
 * batch intervals, the workload rate, and the delivery knobs (acks, retries, commit mode,
 * queue type). Pure (yaml only), so it runs on the page without the simulator.
 *
 * Each entry carries a JSON Pointer (RFC 6901, as simulator/lab/spec-edit.ts reads it), a
 * sensible range for a sweep and an alternative value for a counterfactual.
 */
import { parseDocument } from 'yaml';
import { t } from '../../i18n/index.js';

export interface ParamSuggestion {
  pointer: string;
  label: string;
  /** A value list or range in the sweep field's syntax. */
  sweep: string;
  /** A value for the counterfactual field (YAML-ish text). */
  alternative: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 6901: `~` → `~0`, `/` → `~1` (node ids and keys like `retention.ms` stay readable). */
export const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

const ptr = (...segments: (string | number)[]) => `/${segments.map((s) => escapePointer(String(s))).join('/')}`;

function flipped(v: unknown, options: readonly string[]): string {
  const s = v === undefined ? '' : String(v);
  return options.find((o) => o !== s) ?? options[0]!;
}

export function suggestParams(text: string): ParamSuggestion[] {
  let spec: unknown;
  try {
    const doc = parseDocument(text, { logLevel: 'error' });
    if (doc.errors.length > 0) return [];
    spec = doc.toJS();
  } catch {
    return [];
  }
  if (!isObj(spec)) return [];
  const out: ParamSuggestion[] = [];
  const faults = Array.isArray(spec.faults) ? spec.faults : [];
  faults.forEach((f, i) => {
    if (!isObj(f)) return;
    if (typeof f.link === 'string') {
      out.push({ pointer: ptr('faults', i, 'loss'), label: t('lab.param.loss', { link: f.link }), sweep: '0..0.2 step 0.05', alternative: f.loss ? '0' : '0.1' });
      out.push({ pointer: ptr('faults', i, 'duplicate'), label: t('lab.param.duplicate', { link: f.link }), sweep: '0..0.2 step 0.05', alternative: f.duplicate ? '0' : '0.1' });
      out.push({ pointer: ptr('faults', i, 'reorder'), label: t('lab.param.reorder', { link: f.link }), sweep: '0..0.4 step 0.1', alternative: f.reorder ? '0' : '0.2' });
    }
    if (typeof f.crash === 'string') {
      out.push({ pointer: ptr('faults', i, 'at'), label: t('lab.param.crashAt', { node: f.crash }), sweep: '5s,10s,15s,20s,25s', alternative: '5s' });
      out.push({ pointer: ptr('faults', i, 'restart-after'), label: t('lab.param.restartAfter', { node: f.crash }), sweep: '1s,5s,10s,20s', alternative: '20s' });
    }
  });
  if (isObj(spec.workload)) out.push({ pointer: ptr('workload', 'rate'), label: t('lab.param.rate'), sweep: '50/s,100/s,200/s,400/s', alternative: '200/s' });
  const nodes = isObj(spec.nodes) ? spec.nodes : {};
  for (const [id, node] of Object.entries(nodes)) {
    if (!isObj(node)) continue;
    switch (node.type) {
      case 'beats':
        out.push({ pointer: ptr('nodes', id, 'timeout'), label: t('lab.param.timeout', { node: id }), sweep: '1s,5s,10s,30s', alternative: '60s' });
        break;
      case 'logstash': {
        out.push({ pointer: ptr('nodes', id, 'queue.type'), label: t('lab.param.queue', { node: id }), sweep: 'memory,persisted', alternative: flipped(node['queue.type'] ?? 'memory', ['memory', 'persisted']) });
        const kafka = isObj(node.output) && isObj(node.output.kafka) ? node.output.kafka : undefined;
        if (kafka) {
          out.push({ pointer: ptr('nodes', id, 'output', 'kafka', 'acks'), label: t('lab.param.acks', { node: id }), sweep: '"0","1",all', alternative: flipped(kafka.acks ?? '1', ['all', '"0"']) });
          // The plugin has no idempotence option (SEMANTICS-2 §1.1): acks decides it; retries bounds its send rounds.
          out.push({ pointer: ptr('nodes', id, 'output', 'kafka', 'retries'), label: t('lab.param.retries', { node: id }), sweep: '0,1,3', alternative: kafka.retries === undefined ? '3' : '0' });
        }
        break;
      }
      case 'consumer':
        out.push({ pointer: ptr('nodes', id, 'commit'), label: t('lab.param.commit', { node: id }), sweep: 'before-processing,after-processing,auto', alternative: flipped(node.commit ?? 'auto', ['after-processing', 'before-processing']) });
        break;
      case 'flink':
        out.push({ pointer: ptr('nodes', id, 'execution.checkpointing.interval'), label: t('lab.param.checkpoint', { node: id }), sweep: '1s,2s,5s,10s,20s', alternative: '20s' });
        out.push({ pointer: ptr('nodes', id, 'execution.checkpointing.mode'), label: t('lab.param.checkpointMode', { node: id }), sweep: 'EXACTLY_ONCE,AT_LEAST_ONCE', alternative: flipped(node['execution.checkpointing.mode'] ?? 'EXACTLY_ONCE', ['EXACTLY_ONCE', 'AT_LEAST_ONCE']) });
        break;
      case 'batch':
        out.push({ pointer: ptr('nodes', id, 'every'), label: t('lab.param.every', { node: id }), sweep: '10s,20s,30s,60s', alternative: '60s' });
        break;
      case 'kafka':
        if (isObj(node.topics)) {
          for (const topic of Object.keys(node.topics)) {
            out.push({ pointer: ptr('nodes', id, 'topics', topic, 'retention.ms'), label: t('lab.param.retention', { topic }), sweep: '10s,30s,1m,7d', alternative: '10s' });
          }
        }
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * A value typed in a field, as the spec would hold it: numbers and booleans as such, JSON for
 * quoted strings and lists (`"0"`, `[add_id]` is read as a one-item list), anything else as text.
 */
export function parseFieldValue(raw: string): unknown {
  const s = raw.trim();
  if (s === 'true' || s === 'false') return s === 'true';
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (/^\[.*\]$/.test(s)) return s.slice(1, -1).split(',').map((x) => x.trim()).filter((x) => x.length > 0).map((x) => parseFieldValue(x));
  if (/^".*"$/.test(s)) {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return s.slice(1, -1);
    }
  }
  return s;
}
