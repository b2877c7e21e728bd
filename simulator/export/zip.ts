/**
 * Bundles as zip files (fflate), byte-identical for the same files: entries in path order under
 * one folder, every entry dated 2000-01-01 00:00 (zip stores local DOS time: a Date built from
 * local fields reads back the same in every time zone).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const FIXED_DATE = new Date(2000, 0, 1, 0, 0, 0);

export function zipFiles(files: ReadonlyMap<string, string>, folder: string): Uint8Array {
  const entries: Zippable = {};
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    entries[`${folder}/${path}`] = [strToU8(text), { mtime: FIXED_DATE, level: 6 }];
  }
  return zipSync(entries, { mtime: FIXED_DATE });
}

/** A zip → its text files by path, with a single top folder (as zipFiles writes) removed. */
export function unzipFiles(data: Uint8Array): Map<string, string> {
  const raw = unzipSync(data);
  const paths = Object.keys(raw).filter((p) => !p.endsWith('/') && !p.split('/').some((part) => part.startsWith('.') || part === '__MACOSX'));
  const tops = new Set(paths.map((p) => (p.includes('/') ? p.split('/')[0] : '')));
  const strip = tops.size === 1 && !tops.has('') ? `${[...tops][0]}/` : '';
  return new Map(paths.sort().map((p) => [p.slice(strip.length), strFromU8(raw[p]!)]));
}
