import { describe, expect, it } from 'vitest';
import { inlineCode, inlineSpans } from '../../../site/lib/inline-code.js';

describe('inline marks in course texts', () => {
  it('renders code and strong spans, escaping everything else', () => {
    expect(inlineCode('make the **Kappa** answer use `acks=all` <now>')).toBe('make the <strong>Kappa</strong> answer use <code>acks=all</code> &lt;now&gt;');
  });

  it('keeps asterisks inside code literal and lone asterisks as text', () => {
    expect(inlineSpans('`a **b**` and 2 * 3 ** x')).toEqual([
      { kind: 'code', text: 'a **b**' },
      { kind: 'text', text: ' and 2 * 3 ** x' },
    ]);
  });

  it('escapes inside marks too', () => {
    expect(inlineCode('**<b>**')).toBe('<strong>&lt;b&gt;</strong>');
  });
});
