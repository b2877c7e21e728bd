/**
 * How a Logstash plugin declares its options, after logstash-core lib/logstash/config/mixin.rb:
 * `config :name, :validate => …, :default => …, :required => …, :list => …`.
 * One declaration per plugin; validate.ts checks a parsed plugin against it.
 */

/** The `:validate` kinds of mixin.rb that the declared plugins use, or a list of allowed strings. */
export type Validate = 'string' | 'number' | 'boolean' | 'array' | 'hash' | 'path' | 'password' | 'uri' | 'codec' | 'field_reference' | readonly string[];

export interface OptionDecl {
  validate: Validate;
  /** The plugin's own default (undefined: none). */
  default?: unknown;
  required?: boolean;
  /** `:list => true`: a single value or an array of them. */
  list?: boolean;
  /** The unit of a number, when it has one ("seconds", "minutes", "bytes", "ms"). */
  unit?: string;
  doc: string;
}

export type PluginKind = 'input' | 'filter' | 'output';

export interface PluginDecl {
  name: string;
  kind: PluginKind;
  /** The plugin's source the options were read from. */
  source: string;
  options: Readonly<Record<string, OptionDecl>>;
  /** True when the simulator runs this plugin; otherwise using it is a warning. */
  simulated: boolean;
}

export const opt = (validate: Validate, doc: string, extra: Omit<OptionDecl, 'validate' | 'doc'> = {}): OptionDecl => ({ validate, doc, ...extra });
