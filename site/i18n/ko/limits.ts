/** `../en/limits.ts`의 한국어판: 같은 키, 같은 자리 표시자. */
import type { limits as en } from '../en/limits.js';

export const limits: { readonly [K in keyof typeof en]: string } = {
  'limits.budget.events':
    '이벤트 {used}개를 처리한 뒤 예산(max-events: {limit})이 다해 멈췄습니다. 무언가가 시뮬레이터를 계속 바쁘게 했습니다. 다시 돌아오지 않는 노드에 대한 재시도 루프가 흔한 원인입니다. 그때까지 일어난 일은 집계되었고, 아직 전달되지 않은 레코드는 전달 중(in flight)으로 표시됩니다.',
  'limits.budget.recordCopies':
    '링크가 레코드 사본 {used}개를 나른 뒤 예산({limit}개, 생성된 레코드 하나당 정해진 수)이 다해 멈췄습니다. 무언가가 레코드를 끝없이 다시 보내거나 복제하고 있습니다. 그때까지 일어난 일은 집계되었고, 아직 전달되지 않은 레코드는 전달 중(in flight)으로 표시됩니다.',
};
