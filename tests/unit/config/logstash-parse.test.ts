/**
 * The Logstash pipeline language (grammar.peggy after logstash-core's grammar.treetop): examples
 * from Logstash's reference ("Structure of a pipeline", "Accessing event data and fields",
 * "Logstash configuration examples"), the corpus under tests/fixtures/logstash-corpus, and the
 * syntax errors Logstash reports with "Expected one of … at line L, column C".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLogstashPipeline, parseLogstashConfig } from '../../../simulator/config/logstash/index.js';
import type { Branch, Plugin } from '../../../simulator/config/logstash/ast.js';

const ok = (text: string) => {
  const r = parseLogstashConfig(text, 'test.conf');
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
};

const DOC_EXAMPLES: Record<string, string> = {
  'structure of a config file': `
input {
  file {
    path => "/var/log/messages"
    type => "syslog"
  }

  file {
    path => "/var/log/apache/access.log"
    type => "apache"
  }
}`,
  'value types: array, list, boolean, bytes, codec, hash, number, password, uri, path, string': `
input {
  file { path => [ "/var/log/messages", "/var/log/*.log" ] }
  tcp { port => 33 codec => "json" ssl_enabled => true }
}
filter {
  mutate {
    add_field => {
      "field1" => "value1"
      "field2" => "value2"
    }
  }
}
output {
  elasticsearch { hosts => "http://localhost:9200" user => "u" password => "p" }
  s3 { bucket => "b" size_file => 10485760 }
}`,
  'conditionals (Accessing event data and fields)': `
output {
  if [type] == "apache" {
    if [status] =~ /^5\\d\\d/ {
      nagios { }
    } else if [status] =~ /^4\\d\\d/ {
      elasticsearch { }
    }
    statsd { increment => "apache.%{status}" }
  }
}
filter {
  if [action] == "login" {
    mutate { remove_field => "secret" }
  }
  if [foo] in [foobar] { mutate { add_tag => "field in field" } }
  if [foo] in "foo" { mutate { add_tag => "field in string" } }
  if "hello" in [greeting] { mutate { add_tag => "string in field" } }
  if [foo] in ["hello", "world", "foo"] { mutate { add_tag => "field in list" } }
  if [missing] in [alsomissing] { mutate { add_tag => "shouldnotexist" } }
  if !("foo" in ["hello", "world"]) { mutate { add_tag => "shouldexist" } }
  if "_grokparsefailure" not in [tags] { mutate { add_tag => "parsed" } }
  if [loglevel] == "ERROR" and [deployment] == "production" { mutate { add_tag => "page" } }
  if ![tags] { mutate { add_tag => "untagged" } }
}`,
  'sprintf and @metadata (Accessing event data and fields)': `
input { stdin { } }
filter {
  mutate { add_field => { "show" => "This data will be in the output" } }
  mutate { add_field => { "[@metadata][test]" => "Hello" } }
  mutate { add_field => { "[@metadata][no_show]" => "This data will not be in the output" } }
}
output {
  if [@metadata][test] == "Hello" {
    stdout { codec => rubydebug }
  }
  elasticsearch { index => "%{[@metadata][beat]}-%{+YYYY.MM.dd}" document_id => "%{[@metadata][_id]}" }
}`,
  'apache logs (Logstash configuration examples)': `
input { stdin { } }

filter {
  grok {
    match => { "message" => "%{COMBINEDAPACHELOG}" }
  }
  date {
    match => [ "timestamp" , "dd/MMM/yyyy:HH:mm:ss Z" ]
  }
}

output {
  elasticsearch { hosts => ["localhost:9200"] }
  stdout { codec => rubydebug }
}`,
  'codec with settings, method call and numbers': `
input { beats { port => 5044 codec => multiline { pattern => "^\\s" what => "previous" } } }
filter {
  if [bytes] > -1.5 and [n] <= 10 and [x] != 0. { drop { } }
}
output { null { } }`,
};

describe('Logstash config: documentation examples parse', () => {
  for (const [name, text] of Object.entries(DOC_EXAMPLES)) {
    it(name, () => {
      expect(ok(text).sections.length).toBeGreaterThan(0);
    });
  }
});

describe('Logstash config: the tree', () => {
  it('keeps plugins, values and locations', () => {
    const config = ok('input {\n  beats { port => 5044 host => "0.0.0.0" }\n}\n');
    const beats = config.sections[0]!.body[0] as Plugin;
    expect(beats.name).toBe('beats');
    expect(beats.nameLoc).toMatchObject({ line: 2, column: 3 });
    expect(beats.attributes.map((a) => [a.name, a.value.kind])).toEqual([['port', 'number'], ['host', 'string']]);
    expect(beats.attributes[0]!.value.loc).toMatchObject({ line: 2, column: 19 });
  });

  it('keeps a quoted string as written (no escape processing by default, config.support_escapes: false)', () => {
    const config = ok(`filter { mutate { add_field => { "a" => "say \\"hi\\"\\n" } } }`);
    const mutate = config.sections[0]!.body[0] as Plugin;
    const hash = mutate.attributes[0]!.value;
    expect(hash.kind === 'hash' && hash.entries[0]!.value).toMatchObject({ kind: 'string', value: 'say \\"hi\\"\\n' });
  });

  it('builds if / else if / else with the conditions as written', () => {
    const config = ok('filter { if [a] == 1 { drop {} } else if "x" in [tags] and ![b] { drop {} } else { drop {} } }');
    const branch = config.sections[0]!.body[0] as Branch;
    expect(branch.clauses.map((c) => c.condition?.text ?? null)).toEqual(['[a] == 1', '"x" in [tags] and ![b]', null]);
    expect(branch.clauses[1]!.condition!.rest[0]!.op).toBe('and');
    expect(branch.clauses[1]!.condition!.first.kind).toBe('in');
  });

  it('reads every comparison, match and boolean operator', () => {
    for (const op of ['==', '!=', '<', '>', '<=', '>=']) expect(() => ok(`filter { if [a] ${op} 1 { drop {} } }`)).not.toThrow();
    for (const op of ['=~', '!~']) expect(() => ok(`filter { if [a] ${op} /x/ { drop {} } }`)).not.toThrow();
    for (const op of ['and', 'or', 'xor', 'nand']) expect(() => ok(`filter { if [a] ${op} [b] { drop {} } }`)).not.toThrow();
    expect(() => ok('filter { if ([a] or [b]) and !([c] not in ["x"]) { drop {} } }')).not.toThrow();
  });
});

describe('Logstash config: syntax errors are located, in Logstash\'s words', () => {
  const error = (text: string) => {
    const r = parseLogstashConfig(text, 'bad.conf');
    if (r.ok) throw new Error('parsed');
    return r.error;
  };

  it('a colon instead of =>', () => {
    const e = error('input {\n  beats { port: 5044 }\n}');
    expect(e).toMatchObject({ file: 'bad.conf', line: 2, column: 15, severity: 'error' });
    expect(e.message).toMatch(/^Expected one of .*"=>" at line 2, column 15 \(byte \d+\) after/);
    expect(e.hint).toContain('=>');
  });

  it('an unclosed block', () => {
    const e = error('filter {\n  mutate { add_tag => ["a"] }\n');
    expect(e.line).toBe(3);
    expect(e.message).toContain('"}"');
  });

  it('a section that is not input, filter or output', () => {
    // "input" matches, then the parser wants the block: the furthest point it reached, as treetop reports it.
    const e = error('inputs { beats { port => 5044 } }');
    expect(e).toMatchObject({ line: 1, column: 6 });
    expect(e.message).toContain('"{"');
    expect(error('outptu { }').message).toContain('"output"');
  });

  it('an empty file (Logstash needs at least one section)', () => {
    expect(error('# nothing\n').message).toMatch(/Expected one of/);
  });

  it('a one-letter bareword value (barewords are two characters or more)', () => {
    expect(error('filter { mutate { add_tag => x } }')).toMatchObject({ line: 1, column: 32 });
  });

  it('a dotted setting name without quotes', () => {
    expect(error('output { kafka { enable.idempotence => true } }')).toMatchObject({ line: 1, column: 24 });
  });

  it('an else without if', () => {
    expect(error('filter { else { drop {} } }').message).toMatch(/Expected one of/);
  });
});

describe('Logstash config: the corpus (tests/fixtures/logstash-corpus)', () => {
  const dir = join(import.meta.dirname, '../../fixtures/logstash-corpus');
  const files = readdirSync(dir).filter((f) => f.endsWith('.conf'));
  it('has varied configs', () => expect(files.length).toBeGreaterThanOrEqual(12));
  for (const file of files) {
    it(`${file} parses and passes the plugin checks (warnings allowed)`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const r = parseLogstashConfig(text, file);
      expect(r.ok ? 'ok' : r.error.message).toBe('ok');
      expect(checkLogstashPipeline(text, file).problems.list.filter((p) => p.severity === 'error')).toEqual([]);
    });
  }
});
