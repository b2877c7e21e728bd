import { describe, it, expect } from 'vitest';
import { generatedSection } from '../../simulator/authoring/docs.js';

/** The generated reference must say what values a key takes, how outputs are named and which seeds run (issue 20). */
describe('the generated authoring reference', () => {
  const doc = generatedSection();
  const row = (key: string) => doc.split('\n').find((l) => l.startsWith(`| \`${key}\` |`)) ?? '';

  it('lists each variant of a window type, with its own description', () => {
    expect(row('nodes.<id>.job.window.type')).toContain('One of: `tumbling` (Fixed, non-overlapping windows); `sliding` (');
    expect(row('nodes.<id>.job.window.type')).toContain('`session` (');
  });

  it('lists the allowed values of enums, nested maps and literals', () => {
    expect(row('nodes.<id>.job.late-data')).toContain('Values: `drop`, `side-output`.');
    expect(row('nodes.<id>.mappings')).toContain('Values: `keyword`, `long`, `double`, `date`, `text`.');
    expect(row('compare')).toContain('Value: `lambda-kappa`.');
  });

  it('says how output ids are named and which extra seeds lessons:check uses', () => {
    expect(doc).toContain('each index is also an output `es/<index>`');
    expect(doc).toContain('`kafka/<topic>`');
    expect(doc).toContain('with the next 4 (seed + 1 … seed + 4)');
  });
});
