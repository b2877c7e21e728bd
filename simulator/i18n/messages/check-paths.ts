/**
 * Why a check could not be evaluated, in Korean: the check-path resolver's words
 * (simulator/exercise/check-resolve.ts), which a failed check shows after "cannot check `…`:"
 * as "message (hint)" when the run lacks what the check reads (an output the pipeline does not
 * have, a Flink job in a run without Flink). Paths, ids and key names stay as written.
 */
import type { SimTemplate } from './template.js';

/** A message alone, and followed by its hint in parentheses (check-eval.ts joins them so). */
function withHint(en: string, ko: string): SimTemplate[] {
  return [
    { en: `${en} ({hint*})`, ko: `${ko} ({hint*})` },
    { en, ko },
  ];
}

const messages: SimTemplate[] = [
  ...withHint('this run has no {kind} `{name}` in `{here}`', '이번 실행의 `{here}`에 없는 {kind}: `{name}`'),
  ...withHint('this run has no `{path}`', '이번 실행에는 `{path}` 경로가 없습니다'),
  ...withHint('`{path}` is not reported by this output', '이 출력은 `{path}` 경로를 보고하지 않습니다'),
  ...withHint('unknown check path `{path}`', '알 수 없는 검사 경로 `{path}`'),
  ...withHint('`{path}` is already a value; nothing is below it', '`{path}` 경로는 이미 값이어서 그 아래에는 아무것도 없습니다'),
  ...withHint('`{path}` is a number; nothing is below it', '`{path}` 경로는 숫자여서 그 아래에는 아무것도 없습니다'),
  ...withHint('`{path}` has no value in this run', '이번 실행에서 `{path}` 경로에는 값이 없습니다'),
  ...withHint('`{path}` is a group of values, not a value', '`{path}` 경로는 값 하나가 아니라 값의 묶음입니다'),
  ...withHint('`{path}` is a list of {kind}s, not a value', '`{path}` 경로는 값 하나가 아니라 {kind} 목록입니다'),
];

const hints: SimTemplate[] = [
  { en: 'did you mean `{guess}`? (ids with / or > go in brackets: ["{guess}"])', ko: '`{guess}`의 오타인가요? (/나 >가 든 id는 대괄호 안에 쓰세요: ["{guess}"])' },
  { en: 'values here: {list}', ko: '여기서 쓸 수 있는 값: {list}' },
  { en: 'valid names after {here}: {list}', ko: '{here} 뒤에 쓸 수 있는 이름: {list}' },
  { en: 'pick one: {list}', ko: '하나를 고르세요: {list}' },
  { en: 'name one: {list}', ko: '하나를 지정하세요: {list}' },
  { en: 'the query exists only when the pipeline aggregates (a windowed `job:`) or declares `query:`', ko: 'query는 파이프라인이 집계하거나(윈도우가 있는 `job:`) `query:`를 선언할 때만 있습니다' },
  { en: 'architectures exist only in Lambda/Kappa runs (a `type: serving` node)', ko: 'architectures는 람다/카파 실행(`type: serving` 노드가 있을 때)에만 있습니다' },
  { en: 'consumer groups exist only in runs with a Kafka cluster and a consumer (its `group.id`)', ko: '컨슈머 그룹은 Kafka 클러스터와 컨슈머(그 `group.id`)가 있는 실행에만 있습니다' },
  { en: 'jobs exist only in runs with a Flink node (its id, e.g. `jobs.stream.parallelism`)', ko: 'jobs는 Flink 노드가 있는 실행에만 있습니다 (그 노드 id, 예: `jobs.stream.parallelism`)' },
  { en: '{kind}s in this run: none', ko: '이번 실행의 {kind}: 없음' },
  { en: '{kind}s in this run: {list}', ko: '이번 실행의 {kind}: {list}' },
];

export const checkPathTemplates: readonly SimTemplate[] = [...messages, ...hints];
