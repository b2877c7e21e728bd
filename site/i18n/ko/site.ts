/**
 * 사이트 틀(홈, 레슨 레이아웃, 내비게이션, 다이어그램, 콜아웃)의 한국어 문자열.
 * Keys and placeholders mirror ../en/site.ts; terms follow /work/shared/KOREAN-TERMS.md
 * (합니다체 for sentences, -하세요 for instructions, bare noun phrases for labels).
 */
// Partial: keys another area adds to the English file may get their Korean twin in that area's own file
// (ko/workspace.ts, …); tests/unit/site/i18n-parity.test.ts checks the merged dictionaries are complete.
import type { site as en } from '../en/site.js';

export const site = {
  'site.name': 'Pipeline Lab',
  'site.tagline': '데이터 파이프라인을 일부러 망가뜨리고, 레코드 하나하나를 지켜보세요.',
  'site.description':
    '브라우저에서 돌아가는 데이터 파이프라인 실습 강좌입니다. Filebeat → Logstash → Kafka → Flink 파이프라인을 고치고 장애를 주입한 뒤, 전달 보장이 실제로 무엇을 했는지 확인합니다.',
  'site.skipLink': '본문으로 건너뛰기',
  'site.nav.label': '사이트',
  'site.nav.home': '레슨',
  'site.footer.text': 'Pipeline Lab은 모두 브라우저 안에서 실행됩니다. 모든 실행은 시뮬레이션이며 결정적입니다. 시드가 같으면 레코드도 같습니다.',

  'lang.switch.label': '언어',
  'lang.switch.to': '이 페이지를 {language}로 읽기',
  'lang.untranslated': '이 레슨은 아직 번역되지 않았습니다. 영어 원문을 보여 줍니다.',
  'lang.untranslated.exercise': '이 실습은 아직 번역되지 않았습니다. 영어 원문을 보여 줍니다.',

  'glossary.nav': '용어집',
  'glossary.title': '용어집',
  'glossary.lead': '이 강좌에서 쓰는 용어를 영어·한국어 표기와 한 줄 정의로 정리했습니다. 제품 이름과 설정 이름은 번역하지 않습니다.',
  'glossary.term': '용어',
  'glossary.other': 'English',
  'glossary.definition': '정의',
  'glossary.section': '분류',
  'glossary.link': '용어집 보기',

  'theme.toggle.label': '어두운 테마',
  'theme.toggle.toDark': '어두운 테마로 바꾸기',
  'theme.toggle.toLight': '밝은 테마로 바꾸기',

  'home.title': 'Pipeline Lab: 레코드 단위로 보는 데이터 파이프라인',
  'home.lead':
    '설정 파일에 `acks=all`을 적어 두고 잘 되기를 바란 적이 있을 겁니다. 여기서는 실제로 어떻게 되는지 확인합니다. 레슨마다 Filebeat, Logstash, Kafka, Flink, Elasticsearch, S3로 된 작은 파이프라인과 시뮬레이터가 주어집니다. 시뮬레이터는 브라우저에서 파이프라인을 실행하고, 지정한 곳을 크래시시키고, 끝나면 레코드 하나하나의 행방을 정산합니다.',
  'home.points.label': '이 강좌에서 하는 일',
  'home.point.edit': '실제와 같은 설정 파일을 고칩니다. 설정은 실제 이름 그대로입니다(`acks`, `queue.type`, `execution.checkpointing.mode`).',
  'home.point.break': '장애를 주입합니다. 패킷이 빠지는 링크, 브로커 크래시, 윈도우 도중의 Flink 재시작까지.',
  'home.point.ledger': '원장(ledger)을 읽습니다. 어떤 레코드가 유실·중복·필터링되었거나 늦게 도착했는지, 그리고 어디서 그랬는지.',
  'home.lessons.heading': '레슨',
  'home.start': '강좌 시작하기',
  'home.continue': '이어서 학습하기: {title}',
  'home.length': '레슨 {lessons}개, 모두 합쳐 약 {hours}시간 {minutes}분',
  'lessons.index.title': '전체 레슨',
  'lessons.index.summary': '강좌의 모든 레슨을 순서대로 보여 줍니다.',
  'home.lessons.empty': '아직 공개된 레슨이 없습니다.',
  'home.lesson.number': '레슨 {n}',
  'home.lesson.minutes': '{n}분',
  'home.lesson.exercises.one': '실습 1개',
  'home.lesson.exercises.many': '실습 {n}개',
  'home.progress.label': '학습 진행 상황',
  'home.progress.summary': '실습 {total}개 중 {passed}개 통과',
  'home.progress.note': '진행 상황은 이 브라우저에만 저장됩니다.',

  'progress.none': '시작 전',
  'progress.attempted': '시도함',
  'progress.passed': '통과',
  'progress.partial': '{total}개 중 {passed}개 통과',

  'lesson.meta.minutes': '약 {n}분',
  'lesson.meta.number': '레슨 {n} / {total}',
  'lesson.objectives.heading': '이 레슨을 마치면 할 수 있는 일',
  'lesson.toc.heading': '이 페이지의 내용',
  'lesson.toc.label': '목차',
  'lesson.nav.label': '이전 레슨과 다음 레슨',
  'lesson.nav.previous': '이전',
  'lesson.nav.next': '다음',
  'lesson.nav.allLessons': '전체 레슨',
  'lesson.breadcrumb.label': '현재 위치',

  'callout.note': '참고',
  'callout.warning': '주의',
  'callout.real-world': '실무에서는',

  'diagram.title': '“{exercise}”의 파이프라인 구성',
  'diagram.summary': '시작 파이프라인은 노드 {nodes}개와 연결 {edges}개로 되어 있고, 데이터는 왼쪽에서 오른쪽으로 흐릅니다.',
  'diagram.nodeDescription': '{id}: {type} 노드입니다.',
  'diagram.edgeDescription': '{from} → {to}',
  'diagram.edgeDescriptionVia': '{from} → {to} ({via} 경유)',
  'diagram.noEdges': '노드가 서로 연결되어 있지 않습니다.',
  'diagram.missing': '다이어그램을 표시할 수 없습니다. “{exercise}”라는 실습이 없습니다.',
  'diagram.invalid': '다이어그램을 표시할 수 없습니다. “{exercise}”의 시작 파이프라인을 해석할 수 없습니다.',
  'diagram.type.beats': 'Filebeat',
  'diagram.type.logstash': 'Logstash',
  'diagram.type.kafka': 'Kafka',
  'diagram.type.consumer': '컨슈머',
  'diagram.type.flink': 'Flink 잡',
  'diagram.type.elasticsearch': 'Elasticsearch',
  'diagram.type.s3': 'S3 버킷',
  'diagram.type.batch': '배치 잡',
  'diagram.type.serving': '서빙 뷰',

  'notFound.title': '페이지를 찾을 수 없습니다',
  'notFound.heading': '404: 이 레코드는 전달되지 않았습니다',
  'notFound.body': '모든 큐와 로그와 인덱스를 뒤져 봤지만 요청한 페이지는 어디에도 없습니다. 페이지가 옮겨졌거나 링크에 오타가 있을 수 있습니다.',
  'notFound.home': '레슨 목록으로 돌아가기',
} as const satisfies Partial<Record<keyof typeof en, string>>;
