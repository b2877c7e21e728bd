/** The tree grammar.peggy builds: plain data, every node located in its file. */

export interface Loc {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Bareword { kind: 'bareword'; value: string; loc: Loc }
export interface StringValue { kind: 'string'; value: string; quote: '"' | "'"; loc: Loc }
export interface NumberValue { kind: 'number'; value: number; loc: Loc }
export interface RegexpValue { kind: 'regexp'; value: string; loc: Loc }
export interface ArrayValue { kind: 'array'; items: Value[]; loc: Loc }
export interface HashEntry { key: string; keyLoc: Loc; value: Value }
export interface HashValue { kind: 'hash'; entries: HashEntry[]; loc: Loc }

export type Value = Bareword | StringValue | NumberValue | ArrayValue | HashValue | Plugin;

export interface Attribute { name: string; nameLoc: Loc; value: Value }

export interface Plugin { kind: 'plugin'; name: string; nameLoc: Loc; attributes: Attribute[]; loc: Loc }

export interface Selector { kind: 'selector'; path: string; loc: Loc }
export interface MethodCall { kind: 'method'; name: string; args: RValue[]; loc: Loc }
export type RValue = StringValue | NumberValue | Selector | ArrayValue | MethodCall | RegexpValue;

export type Expression =
  | { kind: 'group'; condition: Condition; loc: Loc }
  | { kind: 'not'; condition?: Condition; selector?: Selector; loc: Loc }
  | { kind: 'in' | 'not in'; left: RValue; right: RValue; loc: Loc }
  | { kind: 'compare'; op: '==' | '!=' | '<=' | '>=' | '<' | '>'; left: RValue; right: RValue; loc: Loc }
  | { kind: 'match'; op: '=~' | '!~'; left: RValue; right: StringValue | RegexpValue; loc: Loc }
  | { kind: 'truthy'; value: RValue; loc: Loc };

export interface Condition {
  kind: 'condition';
  first: Expression;
  rest: { op: 'and' | 'or' | 'xor' | 'nand'; expression: Expression }[];
  /** The condition as written, e.g. `[status] == "404" and [bytes] > 0`. */
  text: string;
  loc: Loc;
}

export interface Clause { condition: Condition | null; body: Item[]; loc: Loc }
export interface Branch { kind: 'branch'; clauses: Clause[]; loc: Loc }

export type Item = Plugin | Branch;

export type SectionType = 'input' | 'filter' | 'output';
export interface Section { kind: 'section'; type: SectionType; body: Item[]; loc: Loc }

export interface PipelineConfig { sections: Section[] }
