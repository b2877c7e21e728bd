/**
 * 예측과 견고한 채점(issue 29)의 한국어 문자열: site/scripts/exercise/predict-view.ts, grade-view.ts.
 * Keys and placeholders mirror ../en/predict.ts.
 */
import type { predict as en } from '../en/predict.js';

export const predict = {
  'pr.title': '먼저 예측하기',
  'pr.intro': '이번 실행이 어떻게 될 것 같나요? 실행을 누르기 전에 답하고, 나중에 결과와 비교하세요. 선택 사항입니다. 건너뛰거나 바로 실행해도 됩니다.',
  'pr.number.label': '예상값',
  'pr.skip': '예측 건너뛰기',
  'pr.skipped': '예측을 건너뛰었습니다. 준비되면 실행을 누르세요.',
  'pr.saved': '예측을 기록했습니다. 실행을 누르면 결과와 비교합니다.',
  'pr.compare.title': '내 예측과 실제 결과',
  'pr.you': '내 예측: {guess}.',
  'pr.noGuess': '이 질문에는 답하지 않았습니다.',
  'pr.run': '실행 결과: {outcome}.',
  'pr.right': '맞았습니다.',
  'pr.wrong': '실제와 다릅니다.',
  'pr.unknown': '이 실행으로는 알 수 없음(해당 값이 없음)',
  'pr.noChoice': '어느 보기도 아님',
  'pr.why': '이유: {why}',
  'pr.otherRun': '이번 실행 전에 파일을 바꿨으므로, 이 질문이 가리키는 실행과 다릅니다. 위의 실행 결과와 비교하세요.',
  'pr.within': '{value}(±{tolerance} 안이면 맞음)',
  'pr.fate.exactlyOnce': '정확히 한 번 도착한다',
  'pr.fate.duplicated': '두 번 이상 도착한다',
  'pr.fate.lost': '유실된다',
  'pr.fate.filtered': '의도대로 필터링된다',
  'pr.fate.late': '늦은 데이터로 버려진다',
  'pr.fate.lateSideOutput': '늦은 데이터 사이드 출력으로 간다',
  'pr.fate.deadLettered': '데드 레터 큐로 간다',
  'pr.fate.inFlight': '실행이 끝날 때 아직 전송 중이다',
  'gr.title': '채점',
  'gr.running': '이번 실행은 통과입니다. 모든 시드와 장애 일정으로도 채점하는 중: {total}회 중 {done}회…',
  'gr.passed': '모든 채점 시드({seeds}개)와 탐색한 모든 장애 일정({members}개)에서 통과합니다.',
  'gr.passedSeeds': '모든 채점 시드({seeds}개)에서 통과합니다.',
  'gr.failed': '이번 실행은 통과하지만, 채점하는 모든 실행에서 통과하지는 않습니다.',
  'gr.failingSeed': '실패하는 가장 작은 실행: 시드 {seed}, 실습에 원래 있던 장애만.',
  'gr.failingFault': '실패하는 가장 작은 실행: 시드 {seed}, 장애 하나 추가: {fault}.',
  'gr.searched': '{runs}회 실행 만에 찾았습니다. 채점 시드를 먼저, 그다음 장애 계열의 일정을 가장 약한 것부터 실행합니다.',
  'gr.openLab': '이 실패하는 실행을 Lab에서 열기',
  'gr.error': '채점을 끝내지 못했으므로({error}) 실습을 통과로 표시하지 않습니다. 다시 실행해 보세요.',
} satisfies Record<keyof typeof en, string>;
