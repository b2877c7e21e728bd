/**
 * Fills `{name}` placeholders. Separate from the dictionaries so that browser scripts can use it
 * with strings handed to them in data attributes, without bundling every language.
 * An unknown placeholder stays visible so a missing parameter gets noticed.
 */
export type Params = Record<string, string | number>;

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
