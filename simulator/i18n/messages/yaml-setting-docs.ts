/**
 * The docs of filebeat.yml's and logstash.yml's settings, in Korean. Each doc is the editor's hover text
 * and also the hint of a problem with that setting's value ("`queue.mem.events`: expected …" + doc), so
 * the catalogue must know it whole for a Korean page to show the hint in Korean. The Korean is written
 * beside the English in the settings' own tables (config/filebeat/settings.ts, config/logstash/settings.ts);
 * this file only lists the pairs, once per English text (a text setting-docs.ts already lists is left to it).
 */
import { GENERAL, INPUT_SETTINGS, OUTPUTS } from '../../config/filebeat/settings.js';
import { LOGSTASH_SETTINGS } from '../../config/logstash/settings.js';
import type { SimTemplate } from './template.js';
import { settingDocTemplates } from './setting-docs.js';

/** Short docs some other system's setting shares ("Data directory.", "Compression codec.") are listed there once. */
const elsewhere = new Set(settingDocTemplates.map((t) => t.en));

function pairs(tables: readonly Readonly<Record<string, { doc: string; ko: string }>>[]): SimTemplate[] {
  const seen = new Map<string, SimTemplate>();
  for (const table of tables) for (const decl of Object.values(table)) if (!seen.has(decl.doc) && !elsewhere.has(decl.doc)) seen.set(decl.doc, { en: decl.doc, ko: decl.ko });
  return [...seen.values()];
}

export const yamlSettingDocTemplates: readonly SimTemplate[] = pairs([GENERAL, ...Object.values(OUTPUTS), ...Object.values(INPUT_SETTINGS), LOGSTASH_SETTINGS]);
