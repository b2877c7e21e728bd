/**
 * The check engine's own words in a failed check (simulator/exercise/check-eval.ts): where the
 * records behind a ledger number went, the in-flight advice, the worst window of a query. The
 * check's name, explanation and hints come from the exercise in the page's language already.
 */
import type { SimTemplate } from './template.js';
import { checkPathTemplates } from './check-paths.js';

export const checkTemplates: readonly SimTemplate[] = [
  { en: 'see lostAt: {places}', ko: 'lostAt 참고: {places}' },
  { en: 'see duplicatedAt: {places}', ko: 'duplicatedAt 참고: {places}' },
  { en: 'records were still held when the run ended: give the pipeline more `drain:` time or fix what holds them', ko: '실행이 끝날 때 아직 붙잡혀 있는 레코드가 있었습니다. 파이프라인에 `drain:` 시간을 더 주거나 붙잡고 있는 원인을 고치세요' },
  { en: 'records were still held when the run ended: find what holds them (the ledger lists them as in flight)', ko: '실행이 끝날 때 아직 붙잡혀 있는 레코드가 있었습니다. 무엇이 붙잡고 있는지 찾으세요 (원장에 처리 중으로 나옵니다)' },
  { en: 'worst window: key {key}, window {from}–{to}: truth {truth}, {id} answered {answer}', ko: '오차가 가장 큰 윈도우: 키 {key}, 윈도우 {from}–{to}: 참값 {truth}, {id}의 답 {answer}' },
  { en: 'cannot check `{source}`: {why*}', ko: '`{source}` 검사 불가: {why*}' },
  { en: 'no value', ko: '값 없음' },
  { en: 'not a number (division by zero)', ko: '숫자가 아님 (0으로 나눔)' },
  ...checkPathTemplates,
];
