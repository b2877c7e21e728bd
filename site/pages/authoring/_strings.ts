/**
 * Strings of the dev-only authoring page, in English and Korean. It is an instructor tool that
 * never ships to learners, so its strings live beside it rather than in the learner-facing
 * dictionaries. Check names and explanations stay in the exercise's own (English) words.
 */
export const strings = {
  title: 'Authoring: exercise status',
  intro: 'Every exercise of the course, with its solution and starter run once each on the exercise seed. A good exercise has a solution that passes every check and a starter that fails at least one. For the full verdict (repeat runs, extra seeds, lesson references) run `npm run lessons:check`.',
  productionNote: 'This page is a development tool for instructors. Run `npm start` and open /authoring/ to see the status of every exercise; see AUTHORING.md.',
  exercise: 'Exercise',
  lesson: 'Lesson',
  solution: 'Solution',
  starter: 'Starter',
  status: 'Status',
  ok: 'ok',
  problem: 'problem',
  passes: '{n}/{total} checks pass',
  summary: '{ok} of {total} exercises ok',
  open: 'open lesson',
  checkPass: 'pass',
  checkFail: 'fail',
} as const;

const ko: { readonly [K in keyof typeof strings]: string } = {
  title: '작성 도구: 실습 상태',
  intro: '강좌의 모든 실습을 실습 시드로 정답과 시작 파일을 한 번씩 실행한 결과입니다. 좋은 실습은 정답이 모든 검사를 통과하고 시작 파일이 적어도 하나는 실패합니다. 반복 실행, 추가 시드, 레슨 참조까지 포함한 전체 판정은 `npm run lessons:check`로 확인하세요.',
  productionNote: '이 페이지는 강사용 개발 도구입니다. `npm start`를 실행하고 /ko/authoring/을 열면 모든 실습의 상태를 볼 수 있습니다. AUTHORING.md를 참고하세요.',
  exercise: '실습',
  lesson: '레슨',
  solution: '정답',
  starter: '시작 파일',
  status: '상태',
  ok: '정상',
  problem: '문제 있음',
  passes: '검사 {total}개 중 {n}개 통과',
  summary: '실습 {total}개 중 {ok}개 정상',
  open: '레슨 열기',
  checkPass: '통과',
  checkFail: '실패',
};

/** The page's strings in `lang` (English for any other). */
export function stringsFor(lang: string): { readonly [K in keyof typeof strings]: string } {
  return lang === 'ko' ? ko : strings;
}

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
