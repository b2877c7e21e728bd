/**
 * The docs of filebeat.yml's and logstash.yml's settings, in Korean. Each doc is the editor's hover text
 * and also the hint of a problem with that setting's value ("`queue.mem.events`: expected …" + doc), so
 * the catalogue must know it whole for a Korean page to show the hint in Korean. The Korean is written
 * beside the English in the settings' own tables (config/filebeat/settings.ts, config/logstash/settings.ts);
 * this file only lists the pairs, once per English text.
 */
import { GENERAL, INPUT_SETTINGS, OUTPUTS } from '../../config/filebeat/settings.js';
import { LOGSTASH_SETTINGS } from '../../config/logstash/settings.js';
import type { SimTemplate } from './template.js';

function pairs(tables: readonly Readonly<Record<string, { doc: string; ko: string }>>[]): SimTemplate[] {
  const seen = new Map<string, SimTemplate>();
  for (const table of tables) for (const decl of Object.values(table)) if (!seen.has(decl.doc)) seen.set(decl.doc, { en: decl.doc, ko: decl.ko });
  return [...seen.values()];
}

export const yamlSettingDocTemplates: readonly SimTemplate[] = pairs([GENERAL, ...Object.values(OUTPUTS), ...Object.values(INPUT_SETTINGS), LOGSTASH_SETTINGS]);
