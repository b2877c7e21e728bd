/**
 * `npm run docs:authoring` — rewrites the generated section of AUTHORING.md and the editor
 * JSON Schemas from the Zod schemas. `--check` only reports whether they are up to date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { schemaFiles, withGeneratedSection } from './docs.js';

const root = process.cwd();
const checkOnly = process.argv.includes('--check');
const targets: Record<string, string> = { ...schemaFiles() };
const guidePath = 'AUTHORING.md';
const guide = readFileSync(join(root, guidePath), 'utf8');
const updated = withGeneratedSection(guide);
if (typeof updated !== 'string') {
  console.error(updated.error);
  process.exit(1);
}
targets[guidePath] = updated;
let stale = 0;
for (const [path, text] of Object.entries(targets)) {
  const abs = join(root, path);
  const current = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
  if (current === text) continue;
  stale++;
  if (checkOnly) console.error(`${path} is out of date: run npm run docs:authoring`);
  else {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    console.log(`wrote ${path}`);
  }
}
if (stale === 0) console.log('authoring docs are up to date');
process.exit(checkOnly && stale > 0 ? 1 : 0);
