/**
 * 장애 연습(site/scripts/exercise/incident.ts)의 한국어 문자열. 키는 en/incident.ts와 같습니다.
 */
import type { incident as en } from '../en/incident.js';

export const incident: { readonly [K in keyof typeof en]: string } = {
  'inc.title': '장애 상황',
  'inc.alert': '호출을 울린 알림:',
  'inc.investigate':
    '파이프라인을 실행해 장애를 다시 재현한 다음, 당직 엔지니어처럼 조사하세요. 운영 지표(알림이 이미 그려져 있습니다), 터미널(`kafka-consumer-groups.sh --describe`, `curl`, `tail`), 실행 로그를 볼 수 있습니다. 원인을 고르기 전까지 원장, 다이어그램의 개수, 판정은 닫혀 있습니다.',
  'inc.runFirst': '원인을 고르기 전에 먼저 장애를 재현하세요(실행).',
  'inc.submit': '이 원인으로 답하기',
  'inc.pick': '먼저 원인을 하나 고르세요.',
  'inc.right': '맞습니다: {cause}',
  'inc.wrong': '이 원인이 아닙니다: {cause}',
  'inc.actual': '실행이 보여 주는 원인: {cause}',
  'inc.opened': '이제 원장, 다이어그램, 판정이 열렸습니다. 같은 장애에서도 검사를 통과하도록 파일을 고치세요.',
  'inc.closed': '먼저 진단하세요. 위의 “장애 상황”에서 원인을 고르면 판정, 원장, 다이어그램의 개수가 열립니다.',
  'inc.again': '다시 답하기',
};
