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

const docsOf = (decls: Readonly<Record<string, { doc: string }>>) => Object.values(decls).map((d) => d.doc);

/** The docs of a resource type's properties, nested property types included. */
function propertyDocs(props: Readonly<Record<string, PropDecl>>): string[] {
  return Object.values(props).flatMap((p) => [p.doc, ...(typeof p.type === 'object' ? propertyDocs(p.type) : [])]);
}

const SOURCES: Readonly<Record<string, readonly string[]>> = {
  'Kafka broker settings': docsOf(BROKER_SETTINGS),
  'Kafka client settings': [...docsOf(CONSUMER_CONFIGS), ...docsOf(PRODUCER_CONFIGS)],
  'Flink config.yaml settings': docsOf(FLINK_SETTINGS),
  'Flink connector options': Object.values(CONNECTORS).flatMap(docsOf),
  'Logstash plugin options': [...INPUTS, ...FILTERS, ...OUTPUTS].flatMap((p) => docsOf(p.options)),
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

  it('every entry translates a doc that exists', () => {
    const stale = settingDocTemplates.map((t) => t.en).filter((en) => !ALL_DOCS.has(en));
    expect(stale).toEqual([]);
  });
});
