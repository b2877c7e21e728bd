/** Every metric the catalog lists has its meaning and unit in both languages (issue #30). */
import { describe, it, expect } from 'vitest';
import { METRICS, NOT_MODELLED } from '../../../simulator/metrics/catalog.js';
import { metrics as en } from '../../../site/i18n/en/metrics.js';
import { metrics as ko } from '../../../site/i18n/ko/metrics.js';

describe('metrics panel strings', () => {
  it('English names every metric, unit and unmodelled metric', () => {
    const keys = new Set(Object.keys(en));
    for (const m of METRICS) {
      expect(keys.has(`mx.m.${m.name}`), m.name).toBe(true);
      expect(keys.has(`mx.unit.${m.unit}`), m.unit).toBe(true);
    }
    for (const m of NOT_MODELLED) expect(keys.has(`mx.nm.${m.name}`), m.name).toBe(true);
  });

  it('Korean has the same keys, each translated (not left in English) where it is prose', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(ko)) {
      if (key.startsWith('mx.m.') || key === 'mx.intro' || key === 'mx.alerts.help') expect(text, key).toMatch(/[가-힣]/);
    }
  });
});
