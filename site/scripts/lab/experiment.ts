/**
 * An experiment as it travels: the pipeline text, the seed and the settings of each experiment
 * panel. Share links use the exercise page's encoding (site/scripts/exercise/share.ts: deflate-raw +
 * base64url in `#share=…`) with the slug `lab` and two "files" — `pipeline.yaml` and
 * `experiment.json` — so one decoder guards both pages against oversized or damaged links.
 */
import { decodeShare, encodeShare, sharePayloadOf } from '../exercise/share.js';

export const LAB_SLUG = 'lab';
export const PIPELINE_FILE = 'pipeline.yaml';
export const EXPERIMENT_FILE = 'experiment.json';

export interface ExperimentSettings {
  sweep: { param: string; values: string; seeds: number };
  counterfactual: { param: string; value: string };
  counterexample: { claim: string; budget: number };
}

export interface Experiment {
  pipeline: string;
  seed: number;
  settings: ExperimentSettings;
}

export const defaultSettings = (): ExperimentSettings => ({
  sweep: { param: '', values: '', seeds: 2 },
  counterfactual: { param: '', value: '' },
  counterexample: { claim: '', budget: 20 },
});

const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
const int = (v: unknown, fallback: number, min: number, max: number) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback);

/** Reads settings from untrusted JSON field by field; anything odd falls back to the default. */
export function settingsFrom(json: string | undefined): ExperimentSettings {
  const d = defaultSettings();
  if (!json) return d;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return d;
  }
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, Record<string, unknown> | undefined>;
  return {
    sweep: { param: str(o.sweep?.param, d.sweep.param), values: str(o.sweep?.values, d.sweep.values), seeds: int(o.sweep?.seeds, d.sweep.seeds, 1, 20) },
    counterfactual: { param: str(o.counterfactual?.param, ''), value: str(o.counterfactual?.value, '') },
    counterexample: { claim: str(o.counterexample?.claim, ''), budget: int(o.counterexample?.budget, d.counterexample.budget, 1, 500) },
  };
}

export async function shareFragment(e: Experiment): Promise<string> {
  return encodeShare({ slug: LAB_SLUG, seed: e.seed, files: { [PIPELINE_FILE]: e.pipeline, [EXPERIMENT_FILE]: JSON.stringify(e.settings) } });
}

export type SharedExperiment = { ok: true; experiment: Experiment } | { ok: false; reason: 'oversized' | 'corrupt' } | undefined;

/** The experiment in the page's fragment, if any. */
export async function sharedExperiment(hash: string): Promise<SharedExperiment> {
  const payload = sharePayloadOf(hash);
  if (payload === undefined) return undefined;
  const decoded = await decodeShare(payload, LAB_SLUG, [PIPELINE_FILE, EXPERIMENT_FILE]);
  if (!decoded.ok) return { ok: false, reason: decoded.reason === 'oversized' ? 'oversized' : 'corrupt' };
  const pipeline = decoded.state.files[PIPELINE_FILE];
  if (pipeline === undefined) return { ok: false, reason: 'corrupt' };
  return { ok: true, experiment: { pipeline, seed: decoded.state.seed, settings: settingsFrom(decoded.state.files[EXPERIMENT_FILE]) } };
}

/** Saves text as a file through a temporary object URL (nothing leaves the browser). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The `npm run sim` line that runs the same sweep headless, for the record. */
export function sweepCommand(param: string, values: string, seeds: number): string {
  const q = (s: string) => (/^[\w./,:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return `npm run sim -- sweep pipeline.yaml --param ${q(param)} --values ${q(values.replace(/\s+/g, ' ').trim())} --seeds ${seeds} --csv`;
}
