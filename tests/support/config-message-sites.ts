/**
 * The problem messages the real-file checkers can write, read from their source: every string a
 * checker passes as a message or hint, with each `${…}` replaced by a sample value, so a test can
 * prove the Korean catalogue knows messages no fixture triggers.
 *
 * A message site is (1) the message and hint arguments of `x.error(loc, message, hint)` and
 * `x.warn(…)` (simulator/config/shared/issues.ts), (2) the `message:` and `hint:` of an issue
 * object literal, (3) an argument of a local helper at a parameter named message / hint / why
 * (`fail(loc, message, hint)`, `missing(key, hint)`), (4) what an `invalid…(…)` helper returns: the
 * reason a message quotes (`Invalid value x for configuration k: ${bad}`), as does a thrown Error's text. A site whose text is not written out there
 * (a variable, a call) is reported apart, so the test can name where those messages are covered.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** What a `${…}` becomes in a sample message: a value no template spells out, recognisable afterwards. */
export const SAMPLE = '‹v›';

export interface MessageSite {
  readonly file: string;
  readonly line: number;
  /** Every text the expression can produce (conditionals expanded), `${…}` as SAMPLE. */
  readonly texts: readonly string[];
}

export interface OpaqueSite {
  readonly file: string;
  readonly line: number;
  /** The expression as written: a variable or a call whose text lives elsewhere. */
  readonly source: string;
}

const MESSAGE_PARAM = /^(message|hint|why|msg|what)$/;
const MAX_VARIANTS = 64;

/**
 * The texts a string expression can produce, or undefined when part of it is not a string the
 * file spells out. Inside a template any `${…}` may be a value (it becomes SAMPLE); a `${a ? 'x' : 'y'}`
 * of two written strings gives both variants.
 */
function textsOf(node: ts.Expression, inTemplate = false, consts: ReadonlyMap<string, ts.Expression> = new Map()): string[] | undefined {
  const again = (n: ts.Expression, t = inTemplate) => textsOf(n, t, consts);
  if (ts.isIdentifier(node) && consts.has(node.text)) return again(consts.get(node.text)!);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return again(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    let out = [node.head.text];
    for (const span of node.templateSpans) {
      const parts = again(span.expression, true) ?? [SAMPLE];
      out = out.flatMap((prefix) => parts.map((p) => prefix + p + span.literal.text)).slice(0, MAX_VARIANTS);
    }
    return out;
  }
  if (ts.isConditionalExpression(node)) {
    const a = isUndefined(node.whenTrue) ? [] : again(node.whenTrue);
    const b = isUndefined(node.whenFalse) ? [] : again(node.whenFalse);
    return a && b ? [...a, ...b] : inTemplate ? [...(a ?? [SAMPLE]), ...(b ?? [SAMPLE])] : undefined;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const written = again(node.left, false) ?? again(node.right, false);
    // `${offset + 1}`: a sum of numbers is one value.
    if (!written) return inTemplate ? [SAMPLE] : undefined;
    const a = again(node.left, true) ?? [SAMPLE];
    const b = again(node.right, true) ?? [SAMPLE];
    return a.flatMap((x) => b.map((y) => x + y)).slice(0, MAX_VARIANTS);
  }
  // `a ?? 'text'` / `a || 'text'`: inside a template both sides are values; outside, the written side only.
  return inTemplate ? [SAMPLE] : undefined;
}

const isUndefined = (node: ts.Expression) => (ts.isIdentifier(node) && node.text === 'undefined') || node.kind === ts.SyntaxKind.UndefinedKeyword;

/** Module-level `const NAME = '…'` (and template) declarations: texts a message may name. */
function stringConsts(source: ts.SourceFile): Map<string, ts.Expression> {
  const consts = new Map<string, ts.Expression>();
  for (const statement of source.statements) {
    const list = ts.isVariableStatement(statement) ? statement.declarationList : undefined;
    if (!list || !(list.flags & ts.NodeFlags.Const)) continue;
    for (const d of list.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && (ts.isStringLiteral(d.initializer) || ts.isNoSubstitutionTemplateLiteral(d.initializer) || ts.isTemplateExpression(d.initializer))) consts.set(d.name.text, d.initializer);
    }
  }
  return consts;
}

/** `function f(…): Schedule | string`: a value, or the reason it is refused (a message's tail). */
function returnsReason(node: ts.FunctionDeclaration): boolean {
  const type = node.type;
  return !!type && ts.isUnionTypeNode(type) && type.types.some((t) => t.kind === ts.SyntaxKind.StringKeyword) && !type.types.every((t) => t.kind === ts.SyntaxKind.StringKeyword || t.kind === ts.SyntaxKind.UndefinedKeyword);
}

/** Local helpers with a message-like parameter: name → the indices of those parameters. */
function messageHelpers(source: ts.SourceFile): Map<string, number[]> {
  const helpers = new Map<string, number[]>();
  const note = (name: string, params: ts.NodeArray<ts.ParameterDeclaration>) => {
    const at = params.flatMap((p, i) => (ts.isIdentifier(p.name) && MESSAGE_PARAM.test(p.name.text) ? [i] : []));
    if (at.length > 0) helpers.set(name, at);
  };
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name) note(node.name.text, node.parameters);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) note(node.name.text, node.initializer.parameters);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return helpers;
}

/** The message sites of one TypeScript file. */
export function messageSitesOf(file: string, text: string, shared: ReadonlyMap<string, ts.Expression> = new Map()): { sites: MessageSite[]; opaque: OpaqueSite[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const helpers = messageHelpers(source);
  const consts = new Map([...shared, ...stringConsts(source)]);
  const sites: MessageSite[] = [];
  const opaque: OpaqueSite[] = [];
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const take = (node: ts.Expression | undefined) => {
    if (!node || isUndefined(node)) return;
    const texts = textsOf(node, false, consts);
    if (texts) sites.push({ file, line: line(node), texts });
    else opaque.push({ file, line: line(node), source: node.getText(source) });
  };
  const visit = (node: ts.Node) => {
    // `invalidOptionValue(kind, value)`, `projectionProblem(t)`, `syntaxHint(…)` and friends return the reason a message quotes after its colon;
    // so does a function typed `Value | string`.
    if (ts.isFunctionDeclaration(node) && node.name && node.body && (/^invalid|Problem$|^hint|Hint$/.test(node.name.text) || returnsReason(node))) {
      const returns = (n: ts.Node): void => {
        // Only the written reasons: the other returns are the value itself.
        if (ts.isReturnStatement(n)) {
          const texts = n.expression && textsOf(n.expression, false, consts);
          if (texts && texts.length > 0) sites.push({ file, line: line(n), texts });
        }
        else if (!ts.isFunctionLike(n)) ts.forEachChild(n, returns);
      };
      returns(node.body);
    }
    // A thrown Error's text reaches a message (`… is valid but not simulated (${error.message})`).
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Error') take(node.arguments?.[0]);
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'error' || callee.name.text === 'warn') && node.arguments.length >= 2) {
        take(node.arguments[1]);
        take(node.arguments[2]);
      } else if (ts.isIdentifier(callee) && helpers.has(callee.text)) {
        for (const i of helpers.get(callee.text)!) take(node.arguments[i]);
      }
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && (node.name.text === 'message' || node.name.text === 'hint') && ts.isObjectLiteralExpression(node.parent)) {
      // Only issue objects: the literal also names a severity (or sits in a push of issues).
      const names = node.parent.properties.flatMap((p) => (p.name && ts.isIdentifier(p.name) ? [p.name.text] : []));
      if (names.includes('severity') || names.includes('line')) take(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { sites, opaque };
}

/** Every .ts file under `dir` (declaration files left out), by path relative to `root`; `dir` may be one file. */
export function sourceFiles(root: string, dir: string): string[] {
  if (!statSync(join(root, dir)).isDirectory()) return [dir];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) out.push(relative(root, path));
    }
  };
  walk(join(root, dir));
  return out;
}

/** The message sites of every checker file under `dirs` (relative to `root`). */
export function messageSites(root: string, dirs: readonly string[]): { sites: MessageSite[]; opaque: OpaqueSite[] } {
  const sites: MessageSite[] = [];
  const opaque: OpaqueSite[] = [];
  const files = dirs.flatMap((dir) => sourceFiles(root, dir)).map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
  // Constants another checker file exports (`WHERE_SUPPORTED`) are part of the messages that name them.
  const shared = new Map<string, ts.Expression>();
  for (const { file, text } of files) for (const [name, value] of stringConsts(ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true))) shared.set(name, value);
  for (const { file, text } of files) {
    const found = messageSitesOf(file, text, shared);
    sites.push(...found.sites);
    opaque.push(...found.opaque);
  }
  return { sites, opaque };
}
