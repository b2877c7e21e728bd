/** The simulated-time refusal and the sleep filter's warning reach a Korean page in Korean. */
import { describe, expect, it } from 'vitest';
import { simText } from '../../../site/i18n/sim/index.js';
import { parseSpec } from '../../../simulator/spec/parse.js';
import { CARELESS } from '../spec/careless-specs.js';

describe('limit and sleep messages in Korean', () => {
  it('the simulated-time limit and its hint', () => {
    const spec = CARELESS.find((c) => c.path === 'drain')!;
    const parsed = parseSpec(spec.text);
    if (parsed.ok) throw new Error('the 500-day drain parsed');
    const issue = parsed.errors.find((e) => e.path === 'drain')!;
    expect(simText(issue.message, 'ko')).toBe('duration 1m + drain 500d은 실행 한 번의 시뮬레이션 시간 한도 400d보다 깁니다');
    expect(simText(issue.hint!, 'ko')).toMatch(/^`drain`을 줄이세요/);
  });

  it("a sleep the simulation leaves out", () => {
    const text = 'this sleep is valid but not simulated: the simulation models a fixed `time` in seconds on every event (optionally `every` N events), outside conditionals and without `replay`';
    expect(simText(text, 'ko')).toMatch(/^이 sleep은 올바른 설정이지만/);
  });
});
