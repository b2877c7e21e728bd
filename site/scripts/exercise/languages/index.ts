/**
 * Which Monaco language each real file of a workspace is shown in, and the registration of the
 * languages Monaco does not ship (Logstash's config language, `.properties`, a light JSON).
 * YAML, shell (`topics.sh`) and SQL (Flink SQL) are Monaco's own basic languages.
 */
import type * as MonacoNs from 'monaco-editor';
import { LOGSTASH_LANGUAGE, logstashConfiguration, logstashTokens } from './logstash.js';
import { PROPERTIES_LANGUAGE, propertiesConfiguration, propertiesTokens } from './properties.js';
import { JSON_LANGUAGE, jsonConfiguration, jsonTokens } from './json.js';

export type FileLanguage = 'yaml' | 'logstash' | 'properties' | 'shell' | 'sql' | 'python' | 'json' | 'plaintext';

/** The language of a file, by its name (`logstash/pipeline/main.conf` → logstash). */
export function languageOf(path: string): FileLanguage {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (/\.ya?ml$/.test(base)) return 'yaml';
  if (base.endsWith('.conf')) return 'logstash';
  if (base.endsWith('.properties')) return 'properties';
  if (base.endsWith('.sh')) return 'shell';
  if (base.endsWith('.sql')) return 'sql';
  if (base.endsWith('.py')) return 'python';
  if (base.endsWith('.json')) return 'json';
  return 'plaintext';
}

/** Registers the languages Monaco lacks (once per page). */
export function registerConfigLanguages(monaco: typeof MonacoNs): void {
  const known = new Set(monaco.languages.getLanguages().map((l) => l.id));
  const add = (id: string, configuration: MonacoNs.languages.LanguageConfiguration, tokens: MonacoNs.languages.IMonarchLanguage, extensions: string[]) => {
    if (!known.has(id)) monaco.languages.register({ id, extensions });
    monaco.languages.setLanguageConfiguration(id, configuration);
    monaco.languages.setMonarchTokensProvider(id, tokens);
  };
  add(LOGSTASH_LANGUAGE, logstashConfiguration, logstashTokens, ['.conf']);
  add(PROPERTIES_LANGUAGE, propertiesConfiguration, propertiesTokens, ['.properties']);
  add(JSON_LANGUAGE, jsonConfiguration, jsonTokens, ['.json']);
}
