/**
 * DAG 실행 그리드(site/scripts/dag-grid/dag-grid-view.ts)의 한국어 문자열.
 * Keys and placeholders mirror ../en/dag-grid.ts.
 */
import type { dagGrid as en } from '../en/dag-grid.js';

export const dagGrid = {
  'dg.title': 'DAG 실행',
  'dg.label': '{dag}의 DAG 실행: 열 하나가 실행 하나, 행 하나가 태스크 하나입니다. 화살표 키로 셀 사이를 움직입니다.',
  'dg.help': '열 하나가 DAG 실행 하나(그 data interval)이고 행 하나가 태스크 하나입니다. 셀마다 태스크 인스턴스의 상태와 시도 번호가 있습니다. 화살표 키로 움직이고 Home과 End로 첫 실행과 마지막 실행으로 갑니다.',
  'dg.task': '태스크',
  'dg.run': '실행 {runId}: data interval {start} ~ {end}, {state}',
  'dg.backfill': '백필',
  'dg.cell': '{task}, 실행 {logical}: {state}, 시도 {try}',
  'dg.cellNoTry': '{task}, 실행 {logical}: {state}, 아직 시작 안 함',
  'dg.selected': '선택: {text}',
  'dg.state.none': '상태 없음',
  'dg.state.queued': '대기(queued)',
  'dg.state.running': '실행 중',
  'dg.state.up_for_retry': '재시도 대기(up for retry)',
  'dg.state.success': '성공',
  'dg.state.failed': '실패',
  'dg.state.upstream_failed': '업스트림 실패(upstream failed)',
  'dg.state.skipped': '건너뜀(skipped)',
  'lab.cf.dagGrid': 'DAG 실행 — {side}',
  'dg.legend': '상태',
} satisfies Record<keyof typeof en, string>;
