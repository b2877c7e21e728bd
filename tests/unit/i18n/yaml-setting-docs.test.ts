/**
 * A problem with a filebeat.yml or logstash.yml value carries the setting's doc as its hint: on a Korean
 * page the catalogue must give that hint in Korean (the Korean written beside the doc in the settings' tables).
 */
import { describe, expect, it } from 'vitest';
import { checkConfigFile } from '../../../simulator/config/workspace/index.js';
import { simCatalogue } from '../../../simulator/i18n/messages/index.js';

const HANGUL = /[\uac00-\ud7a3]/;

describe('setting docs as hints', () => {
  it.each([
    ['web1/filebeat.yml', 'filebeat.inputs:\n  - type: filestream\n    id: a\n    paths: [/var/log/a.log]\nqueue.mem.events: -5\noutput.logstash:\n  hosts: ["logstash:5044"]\n'],
    ['logstash/logstash.yml', 'pipeline.workers: lots\n'],
  ])('%s: the hint of a bad value is Korean on a Korean page', (path, text) => {
    const issues = checkConfigFile(path, text) ?? [];
    const withHint = issues.filter((i) => i.hint !== undefined && i.hint !== '');
    expect(withHint.length).toBeGreaterThan(0);
    for (const issue of withHint) expect(simCatalogue.translate(issue.hint!)).toMatch(HANGUL);
  });
});
