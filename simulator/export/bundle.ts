/**
 * A pipeline → the bundle that runs it on the real engines: the workspace's real files (written
 * from the spec when it is an internal one), compose.yaml, the log generator, FAULTS.md and
 * README.md (FAULTS.ko.md and README.ko.md in Korean). Same pipeline ⇒ the same files, byte for byte (sorted paths, no clock).
 */
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import { compileWorkspace } from '../config/workspace/index.js';
import { readLayout } from '../config/workspace/layout.js';
import { refuse, type Written } from './refusal.js';
import { simCatalogue } from '../i18n/messages/index.js';
import { specToWorkspace } from './spec-to-workspace.js';
import { bundleWorld } from './world-of.js';
import { writeCompose } from './compose.js';
import { writeFaultsMd } from './faults-md.js';
import { writeBundleReadme } from './readme-md.js';
import { LOGGEN_SCRIPT } from './loggen.js';

export type ExportSource = { kind: 'workspace'; files: ReadonlyMap<string, string> } | { kind: 'spec'; spec: PipelineSpec };

/** Files a bundle adds around the workspace; an import leaves them out again. */
export function isBundleExtra(path: string): boolean {
  return path === 'compose.yaml' || path === 'FAULTS.md' || path === 'FAULTS.ko.md' || path === 'README.md' || path === 'README.ko.md' || path.startsWith('loggen/') || path.startsWith('flink-lib/');
}

const byPath = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export function exportBundle(source: ExportSource): Written<Map<string, string>> {
  let workspace: Map<string, string>;
  let spec: PipelineSpec;
  if (source.kind === 'spec') {
    const written = specToWorkspace(source.spec);
    if (!written.ok) return written;
    workspace = written.value;
    spec = source.spec;
  } else {
    workspace = new Map([...source.files].filter(([p]) => !isBundleExtra(p)));
    const compiled = compileWorkspace(workspace);
    if (!compiled.ok) {
      const e = compiled.errors[0]!;
      return { ok: false, refusals: [refuse('', `fix the files first: ${e.file}:${e.line}:${e.column}: ${e.message}`, `먼저 파일을 고치세요: ${e.file}:${e.line}:${e.column}: ${simCatalogue.translate(e.message)}`)] };
    }
    spec = compiled.spec;
  }
  const world = bundleWorld(workspace, spec);
  const out = new Map(workspace);
  out.set('compose.yaml', writeCompose(world));
  out.set('FAULTS.md', writeFaultsMd(world, 'en'));
  out.set('FAULTS.ko.md', writeFaultsMd(world, 'ko'));
  out.set('README.md', writeBundleReadme(world, spec.name ?? 'This pipeline', 'en'));
  out.set('README.ko.md', writeBundleReadme(world, spec.name ?? '이 파이프라인', 'ko'));
  if (world.with('filebeat').some((h) => (world.logs.get(h.name) ?? []).length > 0)) out.set('loggen/generate.sh', LOGGEN_SCRIPT);
  if (world.with('flink').length > 0) {
    out.set('flink-lib/README.md', [
      'Put the Flink 2.0 SQL connector jars that job.sql needs here (see ../README.md); every service of Flink copies them into /opt/flink/lib at start.',
      'job.sql가 쓰는 Flink 2.0 SQL 커넥터 jar를 여기에 넣으세요(../README.ko.md 참고). Flink의 모든 서비스가 시작할 때 이 jar들을 /opt/flink/lib로 복사합니다.',
      '',
    ].join('\n'));
  }
  return { ok: true, value: new Map([...out].sort(byPath)) };
}

/** The folder name a bundle is unpacked into: the pipeline's name, made safe for a path. */
export function bundleName(spec: { name?: string | undefined }): string {
  const base = (spec.name ?? 'pipeline').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${base || 'pipeline'}-bundle`;
}

/** Whether these paths are a workspace (host folders of real files), as opposed to nothing we know. */
export function looksLikeWorkspace(paths: Iterable<string>): boolean {
  return readLayout(paths).hosts.size > 0;
}
