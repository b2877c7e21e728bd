/** Filter plugin declarations (options and defaults from each plugin's `config` lines). */
import { opt, type PluginDecl } from './declare.js';
import { FILTER_COMMON } from './common.js';

// logstash-filter-grok 4.4.3 lib/logstash/filters/grok.rb
export const grokFilter: PluginDecl = {
  name: 'grok',
  kind: 'filter',
  source: 'logstash-filter-grok 4.4.3 lib/logstash/filters/grok.rb',
  simulated: true,
  options: {
    ...FILTER_COMMON,
    match: opt('hash', 'Field → pattern or list of patterns, e.g. { "message" => "%{COMBINEDAPACHELOG}" }.', { default: {} }),
    pattern_definitions: opt('hash', 'Pattern name → regex, usable as %{NAME} in `match`.', { default: {} }),
    patterns_dir: opt('array', 'Directories of pattern files.', { default: [] }),
    patterns_files_glob: opt('string', 'Glob of pattern files in patterns_dir.', { default: '*' }),
    break_on_match: opt('boolean', 'Stop at the first matching pattern.', { default: true }),
    named_captures_only: opt('boolean', 'Keep only named captures.', { default: true }),
    keep_empty_captures: opt('boolean', 'Keep captures that matched nothing.', { default: false }),
    overwrite: opt('array', 'Fields a capture may overwrite.', { default: [] }),
    target: opt('string', 'Put captures under this field.'),
    tag_on_failure: opt('array', 'Tags added when no pattern matches.', { default: ['_grokparsefailure'] }),
    tag_on_timeout: opt('string', 'Tag added when matching times out.', { default: '_groktimeout' }),
    timeout_millis: opt('number', 'Give up matching after this many ms (0: never).', { default: 30000, unit: 'ms' }),
    timeout_scope: opt(['pattern', 'event'], 'What the timeout applies to.', { default: 'pattern' }),
    ecs_compatibility: opt(['disabled', 'v1', 'v8'], 'Which pattern set and field names to use.'),
  },
};

// logstash-filter-date 3.1.15 lib/logstash/filters/date.rb
export const dateFilter: PluginDecl = {
  name: 'date',
  kind: 'filter',
  source: 'logstash-filter-date 3.1.15 lib/logstash/filters/date.rb',
  simulated: true,
  options: {
    ...FILTER_COMMON,
    match: opt('array', '[field, format, …]: formats are Joda patterns, ISO8601, UNIX, UNIX_MS or TAI64N.', { default: [] }),
    target: opt('string', 'Field that receives the parsed time.', { default: '@timestamp' }),
    timezone: opt('string', 'Time zone of dates without one (canonical id, e.g. Europe/Paris).'),
    locale: opt('string', 'Locale for month and day names.'),
    tag_on_failure: opt('array', 'Tags added when no format matches.', { default: ['_dateparsefailure'] }),
  },
};

// logstash-filter-mutate 3.5.8 lib/logstash/filters/mutate.rb
export const mutateFilter: PluginDecl = {
  name: 'mutate',
  kind: 'filter',
  source: 'logstash-filter-mutate 3.5.8 lib/logstash/filters/mutate.rb',
  simulated: true,
  options: {
    ...FILTER_COMMON,
    convert: opt('hash', 'Field → integer, integer_eu, float, float_eu, string or boolean.'),
    rename: opt('hash', 'Old field → new field.'),
    replace: opt('hash', 'Field → new value (may use %{field}).'),
    update: opt('hash', 'Field → new value, only if the field exists.'),
    copy: opt('hash', 'Source field → destination field.'),
    gsub: opt('array', '[field, regex, replacement, …].'),
    uppercase: opt('array', 'Fields to upper-case.'),
    lowercase: opt('array', 'Fields to lower-case.'),
    capitalize: opt('array', 'Fields to capitalize.'),
    strip: opt('array', 'Fields to strip of surrounding whitespace.'),
    split: opt('hash', 'Field → separator: split a string into an array.'),
    join: opt('hash', 'Field → separator: join an array into a string.'),
    merge: opt('hash', 'Destination field → field to merge into it.'),
    coerce: opt('hash', 'Field → default value when it is null.'),
    tag_on_failure: opt('string', 'Tag added when a mutation fails.', { default: '_mutate_error' }),
  },
};

// logstash-filter-json 3.2.1 lib/logstash/filters/json.rb
export const jsonFilter: PluginDecl = {
  name: 'json',
  kind: 'filter',
  source: 'logstash-filter-json 3.2.1 lib/logstash/filters/json.rb',
  simulated: true,
  options: {
    ...FILTER_COMMON,
    source: opt('string', 'Field holding the JSON text.', { required: true }),
    target: opt('string', 'Field to put the parsed object under (default: the event root).'),
    skip_on_invalid_json: opt('boolean', 'Do not tag invalid JSON.', { default: false }),
    tag_on_failure: opt('array', 'Tags added when parsing fails.', { default: ['_jsonparsefailure'] }),
    ecs_compatibility: opt(['disabled', 'v1', 'v8'], 'ECS field naming.'),
  },
};

// logstash-filter-drop 3.0.5 lib/logstash/filters/drop.rb
export const dropFilter: PluginDecl = {
  name: 'drop',
  kind: 'filter',
  source: 'logstash-filter-drop 3.0.5 lib/logstash/filters/drop.rb',
  simulated: true,
  options: {
    ...FILTER_COMMON,
    percentage: opt('number', 'Share of events dropped, 0–100.', { default: 100 }),
  },
};

// logstash-filter-fingerprint 3.4.4 lib/logstash/filters/fingerprint.rb
export const fingerprintFilter: PluginDecl = {
  name: 'fingerprint',
  kind: 'filter',
  source: 'logstash-filter-fingerprint 3.4.4 lib/logstash/filters/fingerprint.rb',
  simulated: false,
  options: {
    ...FILTER_COMMON,
    source: opt('array', 'Fields the fingerprint is computed from.', { default: ['message'] }),
    target: opt('string', 'Field that receives the fingerprint (ECS: [event][hash]).', { default: 'fingerprint' }),
    method: opt(['SHA1', 'SHA256', 'SHA384', 'SHA512', 'MD5', 'MURMUR3', 'MURMUR3_128', 'IPV4_NETWORK', 'UUID', 'PUNCTUATION'], 'Hash function.', { default: 'SHA1' }),
    key: opt('password', 'HMAC key.'),
    base64encode: opt('boolean', 'Base64 instead of hex.', { default: false }),
    concatenate_sources: opt('boolean', 'Hash all source fields together.', { default: false }),
    concatenate_all_fields: opt('boolean', 'Hash every field of the event.', { default: false }),
  },
};

// logstash-filter-sleep 3.0.7 lib/logstash/filters/sleep.rb (docs: plugins-filters-sleep)
export const sleepFilter: PluginDecl = {
  name: 'sleep',
  kind: 'filter',
  source: 'logstash-filter-sleep 3.0.7 lib/logstash/filters/sleep.rb',
  simulated: true,
  options: {
    ...FILTER_COMMON,
    time: opt('string', 'Seconds to sleep (a float, or a sprintf string); in replay mode a speed factor.'),
    every: opt('string', 'Sleep on every Nth event (ignored in replay mode).', { default: '1' }),
    replay: opt('boolean', 'Sleep by the gaps between the events\' timestamps.', { default: false }),
  },
};

export const FILTERS: readonly PluginDecl[] = [grokFilter, dateFilter, mutateFilter, jsonFilter, dropFilter, fingerprintFilter, sleepFilter];
