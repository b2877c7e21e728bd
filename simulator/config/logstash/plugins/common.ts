/**
 * Options every plugin of a kind inherits from its base class (Logstash 8.x logstash-core:
 * lib/logstash/inputs/base.rb, filters/base.rb, outputs/base.rb, plugin.rb).
 */
import { opt, type OptionDecl } from './declare.js';

const plugin: Record<string, OptionDecl> = {
  id: opt('string', 'A unique id for this plugin instance (monitoring, logs).'),
  enable_metric: opt('boolean', 'Collect metrics for this plugin instance.', { default: true }),
};

export const INPUT_COMMON: Readonly<Record<string, OptionDecl>> = {
  ...plugin,
  type: opt('string', 'Adds a `type` field to every event this input produces.'),
  tags: opt('array', 'Tags added to every event.'),
  add_field: opt('hash', 'Fields added to every event.', { default: {} }),
  codec: opt('codec', 'How the bytes become events.', { default: 'plain' }),
  ecs_compatibility: opt(['disabled', 'v1', 'v8'], 'ECS field naming (default follows pipeline.ecs_compatibility, v8).'),
};

export const FILTER_COMMON: Readonly<Record<string, OptionDecl>> = {
  ...plugin,
  add_tag: opt('array', 'Tags added when the filter succeeds.', { default: [] }),
  remove_tag: opt('array', 'Tags removed when the filter succeeds.', { default: [] }),
  add_field: opt('hash', 'Fields added when the filter succeeds (values may use %{field}).', { default: {} }),
  remove_field: opt('array', 'Fields removed when the filter succeeds.', { default: [] }),
  periodic_flush: opt('boolean', 'Call the filter\'s flush method at regular intervals.', { default: false }),
};

export const OUTPUT_COMMON: Readonly<Record<string, OptionDecl>> = {
  ...plugin,
  codec: opt('codec', 'How events become bytes.', { default: 'plain' }),
};
