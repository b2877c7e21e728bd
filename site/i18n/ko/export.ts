/** 내보내기 버튼(연습 문제와 실험실)과 실험실의 실제 설정 파일 가져오기. */
export const exportMessages = {
  'export.button': '실제 엔진용으로 내보내기',
  'export.button.title': 'zip 파일 받기: 실제 설정 파일, compose.yaml, 로그 생성기, FAULTS.ko.md, README.ko.md(영어판 FAULTS.md, README.md)',
  'export.done': '{file}을(를) 받았습니다. 압축을 풀고 docker compose up -d로 실행하세요(무엇을 비교할지는 README.ko.md에 있습니다).',
  'export.refused': '이 파이프라인은 실제 파일로 내보낼 수 없습니다:',
  'export.invalid': '먼저 파이프라인을 고치세요. 시뮬레이터에서도 실행되지 않습니다.',
  'import.title': '실제 설정 파일 가져오기',
  'import.intro': '실제 설정 폴더(filebeat.yml, Logstash *.conf, server.properties, job.sql 등)나 내보낸 zip을 여기에 끌어다 놓거나 선택하세요. 편집기와 같은 방식으로 검사합니다. world.yaml이 없으면 기본 워크로드와 빈 장애 목록이 들어가며, 편집기에서 고칠 수 있습니다.',
  'import.drop': '폴더나 zip을 여기에 끌어다 놓으세요',
  'import.pickFiles': '파일 또는 zip 선택',
  'import.pickFolder': '폴더 선택',
  'import.reading': '파일 {n}개를 읽는 중…',
  'import.ok': '파일 {n}개를 가져왔습니다. 파이프라인이 편집기에 들어갔으니 한 번 실행을 누르세요.',
  'import.ok.world': '파일 {n}개를 가져왔습니다. world.yaml이 없어 기본 워크로드(초당 100줄, 60초)와 빈 장애 목록을 넣었습니다. 편집기에서 고친 뒤 한 번 실행을 누르세요.',
  'import.failed': '파일이 컴파일되지 않습니다(문제 {n}개):',
  'import.empty': '설정 파일을 찾지 못했습니다.',
} as const;
