import { describe, it, expect } from 'vitest';
import { tokenize, parseOptions } from '../../../simulator/shell/tokenize.js';

describe('tokenize', () => {
  it('keeps a quoted URL with ? and & as one word', () => {
    expect(tokenize(`curl 'localhost:9200/logs/_search?q=status:500&size=2'`).words).toEqual(['curl', 'localhost:9200/logs/_search?q=status:500&size=2']);
  });
  it('handles double quotes with escapes, and reports an open quote', () => {
    expect(tokenize('echo "a \\"b\\" c"').words).toEqual(['echo', 'a "b" c']);
    expect(tokenize(`curl 'localhost`).unterminated).toBe(true);
  });
  it('notices a trailing space (the next word is empty for completion)', () => {
    expect(tokenize('kafka-topics ').trailingSpace).toBe(true);
    expect(tokenize('kafka-topics').trailingSpace).toBe(false);
  });
});

describe('parseOptions', () => {
  it('reads --name value, --name=value and flags', () => {
    const o = parseOptions(['--topic', 'logs', '--from-beginning', '--max-messages=3', 'extra'], ['from-beginning']);
    expect(o.values.get('topic')).toBe('logs');
    expect(o.values.get('max-messages')).toBe('3');
    expect(o.flags.has('from-beginning')).toBe(true);
    expect(o.positional).toEqual(['extra']);
  });
  it('reports an option missing its value like the Kafka tools do', () => {
    expect(parseOptions(['--topic'], []).errors[0]).toContain('Missing required argument');
  });
});
