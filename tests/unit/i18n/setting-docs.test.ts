/**
 * Every setting doc a real-file checker can attach as a hint has Korean (simulator/i18n/messages/setting-docs.ts),
 * and no entry there is left over from a doc that changed or went away.
 */
import { describe, expect, it } from 'vitest';
import { simCatalogue } from '../../../simulator/i18n/messages/index.js';
import { settingDocTemplates } from '../../../simulator/i18n/messages/setting-docs.js';
import { BROKER_SETTINGS } from '../../../simulator/config/kafka/broker.js';
import { CONSUMER_CONFIGS, PRODUCER_CONFIGS } from '../../../simulator/config/kafka/clients.js';
import { FLINK_SETTINGS } from '../../../simulator/config/flink/config-yaml.js';
import { CONNECTORS } from '../../../simulator/config/flink/connectors.js';
import { RESOURCE_TYPES, type PropDecl } from '../../../simulator/config/aws/resource-types.js';
import { INPUTS } from '../../../simulator/config/logstash/plugins/inputs.js';
import { FILTERS } from '../../../simulator/config/logstash/plugins/filters.js';
import { OUTPUTS } from '../../../simulator/config/logstash/plugins/outputs.js';
import { LOGSTASH_SETTINGS } from '../../../simulator/config/logstash/settings.js';
import { GENERAL, OUTPUTS as FILEBEAT_OUTPUTS, INPUT_SETTINGS } from '../../../simulator/config/filebeat/settings.js';

const docsOf = (decls: Readonly<Record<string, { doc: string }>>) => Object.values(decls).map((d) => d.doc);

/** The docs of a resource type's properties, nested property types included. */
function propertyDocs(props: Readonly<Record<string, PropDecl>>): string[] {
  return Object.values(props).flatMap((p) => [p.doc, ...(typeof p.type === 'object' ? propertyDocs(p.type) : [])]);
}

/** The hint aws/template.ts writes for a missing required property, for every required property. */
function requiredHints(props: Readonly<Record<string, PropDecl>>): string[] {
  return Object.entries(props).flatMap(([key, p]) => [...(p.required ? [`${key}: ${p.doc}`] : []), ...(typeof p.type === 'object' ? requiredHints(p.type) : [])]);
}
const CFN_REQUIRED = [...new Set(Object.values(RESOURCE_TYPES).flatMap(requiredHints))];
/** The hint logstash/validate.ts writes for a missing required option. */
const LOGSTASH_REQUIRED = [...INPUTS, ...FILTERS, ...OUTPUTS].flatMap((p) => Object.entries(p.options).filter(([, o]) => o.required).map(([name, o]) => ({ hint: `${name} => … (${o.doc})`, doc: o.doc })));

const SOURCES: Readonly<Record<string, readonly string[]>> = {
  'Kafka broker settings': docsOf(BROKER_SETTINGS),
  'Kafka client settings': [...docsOf(CONSUMER_CONFIGS), ...docsOf(PRODUCER_CONFIGS)],
  'Flink config.yaml settings': docsOf(FLINK_SETTINGS),
  'Flink connector options': Object.values(CONNECTORS).flatMap(docsOf),
  'Logstash plugin options': [...INPUTS, ...FILTERS, ...OUTPUTS].flatMap((p) => docsOf(p.options)),
  'logstash.yml settings': docsOf(LOGSTASH_SETTINGS),
  'filebeat.yml settings': [...docsOf(GENERAL), ...Object.values(FILEBEAT_OUTPUTS).flatMap(docsOf), ...Object.values(INPUT_SETTINGS).flatMap(docsOf)],
  'CloudFormation properties': Object.values(RESOURCE_TYPES).flatMap(propertyDocs),
};

const HANGUL = /[\uac00-\ud7a3]/;
const ALL_DOCS = new Set(Object.values(SOURCES).flat());

describe('setting docs in Korean', () => {
  for (const [source, docs] of Object.entries(SOURCES)) {
    it(`every ${source} doc translates to Korean`, () => {
      const missing = [...new Set(docs)].filter((doc) => {
        const ko = simCatalogue.translate(doc);
        return ko === doc || !HANGUL.test(ko);
      });
      expect(missing).toEqual([]);
    });
  }

  it('a missing required CloudFormation property\'s hint translates', () => {
    expect(CFN_REQUIRED.length).toBeGreaterThan(10);
    expect(CFN_REQUIRED.filter((hint) => !HANGUL.test(simCatalogue.translate(hint)))).toEqual([]);
  });

  it('a missing required Logstash option\'s hint translates, its doc included', () => {
    expect(LOGSTASH_REQUIRED.length).toBeGreaterThan(5);
    expect(LOGSTASH_REQUIRED.filter(({ hint, doc }) => !simCatalogue.translate(hint).includes(simCatalogue.translate(doc)))).toEqual([]);
  });

  it('a CloudFormation range hint translates its doc', () => {
    const doc = RESOURCE_TYPES['AWS::Kinesis::Stream']!.ShardCount!.doc;
    expect(simCatalogue.translate(`ShardCount is 1 to 1000: ${doc}`)).toContain(simCatalogue.translate(doc));
  });

  it('every entry translates a doc (or a hint around a doc) that exists', () => {
    const known = new Set([...ALL_DOCS, ...CFN_REQUIRED, '{name} => … ({doc*})']);
    const stale = settingDocTemplates.map((t) => t.en).filter((en) => !known.has(en));
    expect(stale).toEqual([]);
  });
});
