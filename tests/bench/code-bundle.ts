/**
 * One 1M-record run of two versions of the simulator, alternately in the same bench run: each
 * version's `pipeline-process.ts` bundled by esbuild into one file, run in fresh Node processes.
 * The other version comes from git (`BENCH_BASE`, default `main`), unpacked into a temporary
 * directory; its bare imports resolve from this checkout's node_modules.
 */
import { buildSync } from 'esbuild';
import { execSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** esbuild's ESM output for Node needs `require` for the CommonJS packages it inlines. */
const REQUIRE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

function bundle(root: string, outfile: string): string {
  buildSync({
    entryPoints: [join(root, 'tests/bench/pipeline-process.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    banner: { js: REQUIRE_BANNER },
    nodePaths: [resolve('node_modules')],
    logLevel: 'silent',
  });
  return outfile;
}

/** Bundles of this checkout and of git ref `base`; `base` is null when git cannot give that ref. */
export function benchBundles(base: string): { current: string; base: string | null } {
  const dir = mkdtempSync(join(tmpdir(), 'pipeline-lab-bench-'));
  const current = bundle('.', join(dir, 'current.mjs'));
  try {
    const src = join(dir, 'base-src');
    mkdirSync(src);
    execSync(`git archive ${JSON.stringify(base)} simulator tests/bench | tar -x -C ${JSON.stringify(src)}`, { stdio: 'ignore' });
    return { current, base: bundle(src, join(dir, 'base.mjs')) };
  } catch {
    return { current, base: null };
  }
}
