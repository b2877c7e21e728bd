/**
 * Page weight budget (issue 7): the JavaScript a lesson page loads before the exercise island
 * hydrates must stay within 60 KB gzipped. Monaco, xterm, Chart.js and the simulator worker are
 * only reached through dynamic `import()` / `new Worker`, so they do not count.
 *
 * Reads an existing build (it builds nothing): `npm run build && npx tsx tests/bench/page-weight.ts [dist]`.
 * For each lesson page it follows, from the page's module scripts and inline scripts, every
 * *static* import (`import … from`, `import "…"`, `export … from`) and sums the gzipped bytes.
 * Exits 1 when a page is over budget or there is nothing to measure.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

export const BUDGET_BYTES = 60 * 1024;

export interface PageWeight {
  page: string;
  /** Gzipped bytes per script (a file path under dist/, or `inline #n`). */
  scripts: { name: string; gzipBytes: number }[];
  totalGzipBytes: number;
}

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

const STATIC_IMPORT = /(?:^|[;\s}{)])(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*|\{[^}]*\})\s*from\s*)["']([^"']+)["']/g;

/** Specifiers of a module's static imports (dynamic `import("…")` is left out on purpose). */
export function staticImportsOf(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(STATIC_IMPORT)) if (m[1]) out.push(m[1]);
  return out;
}

function scriptsOfHtml(html: string): { src: string[]; inline: string[] } {
  const src: string[] = [];
  const inline: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    // JSON payloads and other data blocks are not JavaScript.
    if (type && type !== 'module' && type !== 'text/javascript') continue;
    const s = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attrs)?.[1];
    if (s) src.push(s);
    else if ((m[2] ?? '').trim()) inline.push(m[2]!);
  }
  for (const m of html.matchAll(/<link\b[^>]*rel=["']modulepreload["'][^>]*>/gi)) {
    const href = /href=["']([^"']+)["']/i.exec(m[0])?.[1];
    if (href) src.push(href);
  }
  return { src, inline };
}

/** Weighs one built HTML page (`pagePath` relative to `distDir`). */
export function measurePage(distDir: string, pagePath: string): PageWeight {
  const html = readFileSync(join(distDir, pagePath), 'utf8');
  const pageUrlDir = posix.dirname(`/${pagePath.split('\\').join('/')}`);
  const { src, inline } = scriptsOfHtml(html);
  const seen = new Set<string>();
  const scripts: PageWeight['scripts'] = [];

  const visit = (urlPath: string) => {
    if (seen.has(urlPath) || /^(https?:)?\/\//.test(urlPath)) return;
    seen.add(urlPath);
    const file = join(distDir, urlPath);
    if (!existsSync(file)) return;
    const code = readFileSync(file, 'utf8');
    scripts.push({ name: urlPath, gzipBytes: gz(code) });
    for (const spec of staticImportsOf(code)) {
      if (spec.startsWith('.') || spec.startsWith('/')) visit(spec.startsWith('/') ? spec : posix.join(posix.dirname(urlPath), spec));
    }
  };

  inline.forEach((code, i) => {
    scripts.push({ name: `inline #${i + 1}`, gzipBytes: gz(code) });
    for (const spec of staticImportsOf(code)) visit(spec.startsWith('/') ? spec : posix.join(pageUrlDir, spec));
  });
  for (const s of src) visit(s.startsWith('/') ? s.split('?')[0]! : posix.join(pageUrlDir, s.split('?')[0]!));
  return { page: pagePath, scripts, totalGzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0) };
}

export function lessonPages(distDir: string): string[] {
  const dir = join(distDir, 'lessons');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.html')))
    .map((d) => posix.join('lessons', d.name, 'index.html'))
    .sort();
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function main(): number {
  const distDir = resolve(process.argv[2] ?? 'dist');
  const pages = lessonPages(distDir);
  if (pages.length === 0) {
    console.error(`page-weight: no lesson pages under ${distDir}/lessons — run \`npm run build\` first.`);
    return 1;
  }
  let worst: PageWeight | undefined;
  console.log(`JavaScript loaded by a lesson page before the exercise hydrates (gzipped; budget ${kb(BUDGET_BYTES)}):`);
  for (const page of pages) {
    const w = measurePage(distDir, page);
    console.log(`  ${w.totalGzipBytes <= BUDGET_BYTES ? 'ok  ' : 'OVER'} ${kb(w.totalGzipBytes).padStart(9)}  /${dirname(page)}/`);
    if (!worst || w.totalGzipBytes > worst.totalGzipBytes) worst = w;
  }
  if (worst) {
    console.log(`\nHeaviest: /${dirname(worst.page)}/ — ${kb(worst.totalGzipBytes)} of ${kb(BUDGET_BYTES)}`);
    for (const s of [...worst.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log(`  ${kb(s.gzipBytes).padStart(9)}  ${s.name}`);
  }
  return worst && worst.totalGzipBytes <= BUDGET_BYTES ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
