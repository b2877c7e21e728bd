/**
 * Checks each plugin of a parsed pipeline against its declaration, refusing what Logstash refuses
 * (lib/logstash/config/mixin.rb `validate_check_invalid_parameter_names`, `validate_check_required_parameter_names`,
 * `validate_check_parameter_values`; plugin lookup in lib/logstash/plugins/registry.rb):
 * "Unknown setting 'x' for kafka", "Missing a required setting for the kafka output plugin",
 * "Invalid setting for kafka output plugin", "Couldn't find any filter plugin named 'x'".
 */
import { closest } from '../../spec/suggest.js';
import type { Loc, Item, PipelineConfig, Plugin, SectionType, Condition } from './ast.js';
import { declaredPlugin, isBundledUndeclared, pluginNames, type PluginDecl } from './plugins/index.js';
import { checkValue, type Plain } from './values.js';
import type { Problems } from '../shared/issues.js';

export interface Setting {
  value: Plain;
  loc: Loc;
}

export interface CheckedPlugin {
  kind: SectionType;
  name: string;
  loc: Loc;
  /** Undefined for a bundled plugin the simulator does not declare. */
  decl?: PluginDecl;
  /** Options written in the file (defaults are not filled in here). */
  settings: Map<string, Setting>;
  /** The conditions this plugin sits under, outermost first, each as written or negated. */
  conditions: string[];
}

/** Every plugin in file order, with its conditions flattened from enclosing if/else branches. */
export function checkPipeline(config: PipelineConfig, problems: Problems): CheckedPlugin[] {
  const out: CheckedPlugin[] = [];
  for (const section of config.sections) walk(section.type, section.body, [], out, problems);
  return out;
}

function walk(kind: SectionType, items: Item[], conditions: string[], out: CheckedPlugin[], problems: Problems): void {
  for (const item of items) {
    if (item.kind === 'plugin') {
      const checked = checkPlugin(kind, item, problems);
      if (checked) out.push({ ...checked, conditions });
      continue;
    }
    const earlier: Condition[] = [];
    for (const clause of item.clauses) {
      const negated = earlier.map((c) => `!(${c.text})`);
      const own = clause.condition ? [`(${clause.condition.text})`] : [];
      walk(kind, clause.body, [...conditions, ...negated, ...own], out, problems);
      if (clause.condition) earlier.push(clause.condition);
    }
  }
}

function checkPlugin(kind: SectionType, plugin: Plugin, problems: Problems): Omit<CheckedPlugin, 'conditions'> | undefined {
  const decl = declaredPlugin(kind, plugin.name);
  if (!decl) {
    if (isBundledUndeclared(kind, plugin.name)) {
      problems.warn(plugin.nameLoc, `the ${plugin.name} ${kind} plugin is valid Logstash but not simulated: the simulation leaves it out`, `simulated ${kind}s: ${pluginNames(kind).slice(0, declaredCount(kind)).join(', ')}`);
      return { kind, name: plugin.name, loc: plugin.nameLoc, settings: new Map() };
    }
    const guess = closest(plugin.name, pluginNames(kind));
    problems.error(plugin.nameLoc, `Couldn't find any ${kind} plugin named '${plugin.name}'. Are you sure this is correct?`, guess ? `did you mean '${guess}'?` : `${kind} plugins here: ${pluginNames(kind).slice(0, declaredCount(kind)).join(', ')}`);
    return undefined;
  }
  const settings = new Map<string, Setting>();
  for (const attr of plugin.attributes) {
    const option = decl.options[attr.name];
    if (!option) {
      const guess = closest(attr.name, Object.keys(decl.options));
      problems.error(attr.nameLoc, `Unknown setting '${attr.name}' for ${plugin.name}`, guess ? `did you mean '${guess}'?` : `see ${decl.source}`);
      continue;
    }
    const checked = checkValue(option, attr.value);
    if ('error' in checked) {
      problems.error(attr.value.loc, `Invalid setting for ${plugin.name} ${kind} plugin: ${attr.name}: ${checked.error}`, option.doc);
      continue;
    }
    const earlier = settings.get(attr.name);
    if (earlier) {
      // A repeated setting: Logstash keeps every value, so lists and hashes merge and anything else is refused.
      const merged = mergeRepeated(earlier.value, checked.ok);
      if (merged === undefined) problems.error(attr.nameLoc, `Invalid setting for ${plugin.name} ${kind} plugin: ${attr.name} is set twice`, 'a setting that is not a list or hash may appear once');
      else settings.set(attr.name, { value: merged, loc: earlier.loc });
      continue;
    }
    settings.set(attr.name, { value: checked.ok, loc: attr.value.loc });
  }
  for (const [name, option] of Object.entries(decl.options)) {
    if (option.required && !settings.has(name)) {
      problems.error(plugin.nameLoc, `Missing a required setting for the ${plugin.name} ${kind} plugin: ${name}`, `${name} => … (${option.doc})`);
    }
  }
  return { kind, name: plugin.name, loc: plugin.nameLoc, decl, settings };
}

function declaredCount(kind: SectionType): number {
  return pluginNames(kind).findIndex((n) => !declaredPlugin(kind, n));
}

function mergeRepeated(a: Plain, b: Plain): Plain | undefined {
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) return { ...a, ...b };
  return undefined;
}
