/**
 * The Export button (every exercise, the Lab) and the Lab's import of real configuration files.
 * Export: the pipeline → simulator/export's bundle → a zip (fflate), downloaded. Import: dropped
 * or picked files (a folder, loose files or a zip) → simulator/export's import, checked by the
 * same compiler as the editor, then handed to the page as the spec to run.
 */
import { specYaml } from '../../../simulator/spec/spec-yaml.js';
import { h } from '../exercise/dom.js';
import { t, pageLang } from '../../i18n/index.js';
import { parseSpec, formatIssue } from '../../../simulator/spec/index.js';
import type { PipelineSpec } from '../../../simulator/spec/schema/pipeline.js';
import { exportBundle, bundleName, formatRefusals, importWorkspace, unzipFiles, zipFiles, type ExportSource } from '../../../simulator/export/index.js';

/** The source of an internal spec's text, or undefined when it does not parse. */
export function specSource(text: string): ExportSource | undefined {
  const parsed = parseSpec(text, 'pipeline.yaml');
  return parsed.ok ? { kind: 'spec', spec: parsed.spec } : undefined;
}

function downloadBytes(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'application/zip' }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A button that downloads the bundle; `say` shows what happened (or why not) to everyone. */
export function exportButton(source: () => ExportSource | undefined, name: () => string | undefined, say: (message: string) => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'export-button', title: t('export.button.title') }, t('export.button'));
  button.addEventListener('click', () => {
    const src = source();
    if (!src) {
      say(t('export.invalid'));
      return;
    }
    const bundle = exportBundle(src);
    if (!bundle.ok) {
      say(`${t('export.refused')} ${formatRefusals(bundle.refusals, pageLang() === 'ko' ? 'ko' : 'en').replace(/\n/g, ' · ')}`);
      return;
    }
    const folder = bundleName({ name: name() });
    downloadBytes(`${folder}.zip`, zipFiles(bundle.value, folder));
    say(t('export.done', { file: `${folder}.zip` }));
  });
  return button;
}

/** Every file under a dropped directory entry, by path relative to the drop. */
async function readEntry(entry: FileSystemEntry, prefix: string, out: Map<string, File>): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.set(`${prefix}${entry.name}`, file);
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await readEntry(child, `${prefix}${entry.name}/`, out);
  }
}

/** Files by path → texts by workspace path: a zip is unpacked, one common top folder removed. */
async function workspaceFiles(files: Map<string, File>): Promise<Map<string, string>> {
  const zips = [...files].filter(([p]) => p.toLowerCase().endsWith('.zip'));
  if (zips.length === 1 && files.size === 1) return unzipFiles(new Uint8Array(await zips[0]![1].arrayBuffer()));
  const texts = new Map<string, string>();
  const paths = [...files.keys()].filter((p) => !p.split('/').some((part) => part.startsWith('.')));
  const tops = new Set(paths.map((p) => (p.includes('/') ? p.split('/')[0] : '')));
  const strip = tops.size === 1 && !tops.has('') ? `${[...tops][0]}/` : '';
  for (const p of paths.sort()) texts.set(p.slice(strip.length), await files.get(p)!.text());
  return texts;
}

/** The Lab's import panel; `load` receives the compiled spec as pipeline text, and the workspace it came from. */
export function importPanel(load: (specText: string, files: Map<string, string>) => void): HTMLElement {
  const status = h('p', { class: 'import-status', role: 'status', 'aria-live': 'polite' });
  const problems = h('ul', { class: 'import-problems' });
  const take = async (files: Map<string, File>) => {
    problems.replaceChildren();
    if (files.size === 0) return void (status.textContent = t('import.empty'));
    status.textContent = t('import.reading', { n: files.size });
    const texts = await workspaceFiles(files);
    const imported = importWorkspace(texts);
    if (!imported.outcome.ok) {
      status.textContent = t('import.failed', { n: imported.outcome.errors.length });
      problems.replaceChildren(...imported.outcome.errors.map((e) => h('li', {}, formatIssue(e))));
      return;
    }
    load(specText(imported.outcome.spec), imported.files);
    status.textContent = t(imported.worldAdded ? 'import.ok.world' : 'import.ok', { n: imported.files.size });
  };
  const pickFiles = h('input', { type: 'file', multiple: true, class: 'import-files', 'aria-label': t('import.pickFiles') });
  const pickFolder = h('input', { type: 'file', multiple: true, webkitdirectory: true, class: 'import-folder', 'aria-label': t('import.pickFolder') });
  for (const input of [pickFiles, pickFolder]) {
    input.addEventListener('change', () => {
      const files = new Map([...(input.files ?? [])].map((f) => [f.webkitRelativePath || f.name, f]));
      void take(files);
    });
  }
  // Styled here, not in a page's CSS: the panel is the same wherever a page mounts it.
  const zone = h('div', { class: 'import-drop', style: 'border: 2px dashed currentColor; border-radius: 6px; padding: 1.5rem; text-align: center; margin: 0.5rem 0' }, t('import.drop'));
  zone.addEventListener('dragover', (e) => e.preventDefault());
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    const out = new Map<string, File>();
    const entries = [...(e.dataTransfer?.items ?? [])].map((i) => i.webkitGetAsEntry()).filter((x): x is FileSystemEntry => x !== null);
    void Promise.all(entries.map((entry) => readEntry(entry, '', out))).then(() => take(out));
  });
  return h(
    'section',
    { class: 'import-panel lab-section', 'aria-label': t('import.title') },
    h('h2', {}, t('import.title')),
    h('p', {}, t('import.intro')),
    zone,
    h('p', { class: 'import-pickers' }, h('label', {}, t('import.pickFiles'), ' ', pickFiles), ' ', h('label', {}, t('import.pickFolder'), ' ', pickFolder)),
    status,
    problems,
  );
}

/** A compiled spec as the Lab's pipeline text (the internal spec, which the Lab edits and runs). */
function specText(spec: PipelineSpec): string {
  return `# Imported from real configuration files (compiled into the internal spec; Export writes them back).\n${specYaml(spec)}`;
}
