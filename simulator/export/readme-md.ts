/**
 * README.md and README.ko.md of a bundle: how to start and stop it, what each service is, what the
 * AWS resources need, which numbers to compare. Every sentence is written in both languages the
 * course speaks (Korean terms: shared KOREAN-TERMS.md); commands, file names and images stay as written.
 */
import { formatDuration } from '../spec/units.js';
import type { BundleWorld } from './world-of.js';
import { IMAGES } from './images.js';
import { flinkWorker } from './compose.js';
import { DELETE, DEPLOY, KINESIS_JAR, readsKinesis, streamNames, writesKinesis } from './aws-bundle.js';
import { ACCOUNT } from '../config/aws/resolve.js';

export type ReadmeLang = 'en' | 'ko';

/** The bundle's README in one language; `title` is the pipeline's name. */
export function writeBundleReadme(w: BundleWorld, title: string, lang: ReadmeLang = 'en'): string {
  const t = (en: string, ko: string) => (lang === 'ko' ? ko : en);
  const s = w.spec;
  const rows: string[] = [];
  const row = (service: string, what: string, image: string) => rows.push(`| \`${service}\` | ${what} | \`${image}\` |`);
  for (const h of w.with('filebeat')) {
    const logs = (w.logs.get(h.name) ?? []).join(', ');
    row(h.name, t(`Filebeat, reading ${logs || 'nothing'} (\`${h.name}/filebeat.yml\`)`, `Filebeat. ${logs ? `${logs}를 읽습니다` : '읽는 파일이 없습니다'} (\`${h.name}/filebeat.yml\`)`), IMAGES.filebeat);
    if (logs) row(`${h.name}-loggen`, t('writes the workload\'s lines into those files (`loggen/generate.sh`)', '워크로드의 줄을 그 파일들에 씁니다 (`loggen/generate.sh`)'), IMAGES.busybox);
  }
  for (const h of w.with('logstash')) {
    const files = `\`${h.name}/pipeline/\`${h.files.some((f) => f.endsWith('logstash.yml')) ? `, \`${h.name}/logstash.yml\`` : ''}`;
    const kinesis = writesKinesis(w, h.name) ? t('; installs the `kinesis` output plugin at start', '. 시작할 때 `kinesis` 출력 플러그인을 설치합니다') : '';
    row(h.name, `Logstash (${files})${kinesis}`, IMAGES.logstash);
  }
  for (const h of w.with('kafka')) {
    row(h.name, t(`a Kafka broker and KRaft controller (\`${h.name}/server.properties\`)`, `Kafka 브로커 겸 KRaft 컨트롤러 (\`${h.name}/server.properties\`)`), IMAGES.kafka);
    if (h.files.some((f) => f.endsWith('topics.sh'))) row(`${h.name}-topics`, t(`creates the topics once (\`${h.name}/topics.sh\`)`, `토픽을 한 번 만듭니다 (\`${h.name}/topics.sh\`)`), IMAGES.kafka);
  }
  for (const h of w.with('flink')) {
    row(h.name, t('the Flink JobManager (web UI on port 8081 for the first one)', 'Flink JobManager (첫 번째 것의 웹 UI는 8081 포트)'), IMAGES.flink);
    row(flinkWorker(h.name), t('the Flink TaskManager that runs the job\'s tasks', '잡의 태스크를 실행하는 Flink TaskManager'), IMAGES.flink);
    const account = readsKinesis(w, h.name) ? t(', with your account in the stream ARN', '. 스트림 ARN에는 여러분의 계정을 넣습니다') : '';
    row(`${h.name}-sql`, t(`submits \`${h.name}/job.sql\` with the SQL client${account}`, `SQL 클라이언트로 \`${h.name}/job.sql\`을 제출합니다${account}`), IMAGES.flink);
  }
  for (const h of w.with('elasticsearch')) {
    row(h.name, t(`Elasticsearch, single node (\`${h.name}/elasticsearch.yml\`)`, `Elasticsearch 단일 노드 (\`${h.name}/elasticsearch.yml\`)`), IMAGES.elasticsearch);
    if (h.files.some((f) => f.endsWith('.json'))) row(`${h.name}-indices`, t('creates the indices with their mappings (the `*.json` bodies)', '매핑과 함께 인덱스를 만듭니다 (`*.json` 본문)'), IMAGES.elasticsearch);
  }
  if (Object.values(s.nodes).some((n) => n.type === 's3')) {
    row('minio', t('an S3-compatible object store standing in for Amazon S3 (console on port 9001)', 'Amazon S3 대신 쓰는 S3 호환 오브젝트 스토어 (콘솔은 9001 포트)'), IMAGES.minio);
    row('minio-bucket', t('creates the bucket `pipeline-lab`', '버킷 `pipeline-lab`을 만듭니다'), IMAGES.mc);
  }
  const apps = w.with('app');
  const flink = w.with('flink').length > 0;
  const kinesisJob = w.with('flink').some((h) => readsKinesis(w, h.name));
  const total = Math.round(s.workload.rate * (s.duration / 1000));
  const list = (hosts: { name: string }[]) => hosts.map((h) => `\`${h.name}\``).join(', ');
  const jobs = (h: { files: string[] }) => h.files.filter((f) => /\/jobs\//.test(f)).length > 1;
  const kinesisJar = kinesisJob ? `, \`${KINESIS_JAR}\`` : '';
  return [
    `# ${title} ${t('on the real engines', '— 실제 엔진에서 실행하기')}`,
    '',
    t('Exported from Pipeline Lab. The configuration files are the ones the simulator ran, unchanged; `world.yaml` is the simulated world (workload and faults), which the files below turn into real processes and commands.', 'Pipeline Lab에서 내보낸 번들입니다. 설정 파일은 시뮬레이터가 실행한 그대로이고, `world.yaml`은 시뮬레이션한 세계(워크로드와 장애)입니다. 아래 파일들이 이를 실제 프로세스와 명령으로 바꿉니다.'),
    t('Nobody has run this bundle on real engines while building the export: treat it as a starting point, and the images\' documentation as the authority.', '내보내기를 만들면서 이 번들을 실제 엔진에서 실행해 보지는 않았습니다. 출발점으로 삼고, 기준은 각 이미지의 문서로 삼으세요.'),
    t('한국어: `README.ko.md`', 'English: `README.md`'),
    '',
    ...(w.aws !== undefined ? awsSection(w, t) : []),
    `## ${t('Start and stop', '시작과 종료')}`,
    '',
    '```sh',
    `docker compose up -d      # ${t('start everything; the log generator begins writing at once', '모두 시작합니다. 로그 생성기가 곧바로 쓰기 시작합니다')}`,
    `docker compose down -v    # ${t('stop everything and delete its data', '모두 멈추고 데이터를 지웁니다')}`,
    '```',
    '',
    `## ${t('Services', '서비스')}`,
    '',
    t('| Service | What it is | Image |', '| 서비스 | 하는 일 | 이미지 |'),
    '|---|---|---|',
    ...rows,
    '',
    ...(apps.length > 0 ? [t(`Not started: the consumer application${apps.length > 1 ? 's' : ''} on ${list(apps)}. Its code is yours; \`consumer.properties\` is its KafkaConsumer configuration and \`app.yaml\` says what the code must do (topic, when to commit, where to write).`, `시작하지 않는 것: ${list(apps)}의 컨슈머 애플리케이션. 코드는 여러분이 씁니다. \`consumer.properties\`는 KafkaConsumer 설정이고, \`app.yaml\`은 코드가 할 일(토픽, 커밋 시점, 쓸 곳)을 말합니다.`), ''] : []),
    ...w.with('kcl').map((h) => t(`Not started: the KCL application on \`${h.name}\`. Its code is yours; \`${h.name}/kcl.properties\` is its Kinesis Client Library configuration and \`${h.name}/app.yaml\` says what the code must do.\n`, `시작하지 않는 것: \`${h.name}\`의 KCL 애플리케이션. 코드는 여러분이 씁니다. \`${h.name}/kcl.properties\`는 Kinesis Client Library 설정이고, \`${h.name}/app.yaml\`은 코드가 할 일을 말합니다.\n`)),
    ...w.with('airflow').map((h) => t(
      `Not started: the Airflow DAG on \`${h.name}\` (\`${h.name}/dags/\`) and the Spark SQL job${jobs(h) ? 's' : ''} its tasks run (\`${h.name}/jobs/\`). The host folder is the Airflow home, \`/opt/airflow\`: run them on Airflow 3 with \`apache-airflow-providers-apache-spark\` and a Spark whose \`spark-sql\` reaches MinIO over \`s3a://\` (hadoop-aws, \`fs.s3a.endpoint=http://minio:9000\`, \`fs.s3a.path.style.access=true\`, keys \`minioadmin\` / \`minioadmin\`).\n`,
      `시작하지 않는 것: \`${h.name}\`의 Airflow DAG(\`${h.name}/dags/\`)와 그 태스크가 실행하는 Spark SQL 잡(\`${h.name}/jobs/\`). 호스트 폴더가 Airflow 홈 \`/opt/airflow\`입니다. \`apache-airflow-providers-apache-spark\`를 설치한 Airflow 3과, \`spark-sql\`이 \`s3a://\`로 MinIO에 닿는 Spark(hadoop-aws, \`fs.s3a.endpoint=http://minio:9000\`, \`fs.s3a.path.style.access=true\`, 키 \`minioadmin\` / \`minioadmin\`)에서 실행하세요.\n`,
    )),
    ...w.with('serving').map((h) => t(`Not started: the query service on \`${h.name}\`. Its code is yours; \`${h.name}/serving.yaml\` says what it reads (the batch view table and the realtime index, or the one index).\n`, `시작하지 않는 것: \`${h.name}\`의 쿼리 서비스. 코드는 여러분이 씁니다. \`${h.name}/serving.yaml\`은 이 서비스가 읽는 것(배치 뷰 테이블과 실시간 인덱스, 또는 인덱스 하나)을 말합니다.\n`)),
    ...(flink ? [t(`Flink needs its SQL connectors, which the image does not ship: put the jars of the connectors \`job.sql\` uses (for Flink 2.0: \`flink-sql-connector-kafka\`${kinesisJar}, and \`flink-sql-connector-elasticsearch7\` or the filesystem S3 plugin) into \`flink-lib/\` before starting.`, `Flink에는 SQL 커넥터가 필요한데 이미지에는 들어 있지 않습니다. 시작하기 전에 \`job.sql\`이 쓰는 커넥터의 jar(Flink 2.0용: \`flink-sql-connector-kafka\`${kinesisJar}, 그리고 \`flink-sql-connector-elasticsearch7\` 또는 파일시스템 S3 플러그인)를 \`flink-lib/\`에 넣으세요.`), ''] : []),
    `## ${t('What to compare with the simulator\'s ledger', '시뮬레이터의 원장(ledger)과 비교할 것')}`,
    '',
    t(`- Records written: ${s.workload.rate}/s for ${formatDuration(s.duration)}, about ${total} lines (count them: \`docker compose exec <web server> sh -c 'cat /var/log/*/*.log* | wc -l'\`). The ledger's \`produced\`.`, `- 쓴 레코드: ${formatDuration(s.duration)} 동안 초당 ${s.workload.rate}개, 약 ${total}줄(세는 법: \`docker compose exec <웹 서버> sh -c 'cat /var/log/*/*.log* | wc -l'\`). 원장의 \`produced\`와 비교합니다.`),
    t('- Elasticsearch `_count` of each index against the ledger\'s delivered records for that output; more than written means duplicates, fewer means loss (`FAULTS.md`, "Reading the outcome").', '- 인덱스마다 Elasticsearch `_count`를 그 출력에 대한 원장의 전달 레코드 수와 비교합니다. 쓴 것보다 많으면 중복, 적으면 유실입니다(`FAULTS.ko.md`, "결과 읽기").'),
    ...(w.with('kafka').length > 0 ? [t('- Kafka log-end offsets and consumer-group lag against the ledger\'s per-topic counts.', '- Kafka 로그 끝 오프셋과 컨슈머 그룹 랙을 원장의 토픽별 수와 비교합니다.')] : []),
    ...(w.aws !== undefined && streamNames(w).length > 0 ? [t('- Kinesis: the `IncomingRecords` metric of each stream (CloudWatch, `AWS/Kinesis`) against the ledger\'s records at the stream.', '- Kinesis: 스트림마다 `IncomingRecords` 지표(CloudWatch, `AWS/Kinesis`)를 원장에서 그 스트림에 도착한 레코드 수와 비교합니다.')] : []),
    ...(flink ? [t('- Flink checkpoints completed and restarts against the simulator\'s timeline.', '- Flink의 완료된 체크포인트와 재시작을 시뮬레이터의 타임라인과 비교합니다.')] : []),
    '',
    t('The real lines are drawn at random in the same shape and mix as the simulator\'s, not the same records, and real timing differs: compare totals and the kind of outcome (lost, duplicated, exact), not single records.', '실제 줄은 시뮬레이터와 같은 모양과 비율로 무작위로 뽑을 뿐 같은 레코드가 아니고, 실제 타이밍도 다릅니다. 레코드 하나하나가 아니라 합계와 결과의 종류(유실, 중복, 정확)를 비교하세요.'),
    '',
    t('Faults: `FAULTS.md`.', '장애: `FAULTS.ko.md`.'),
    '',
  ].join('\n');
}

/** The AWS resources: deployed into the learner's account before compose starts, deleted after. */
function awsSection(w: BundleWorld, t: (en: string, ko: string) => string): string[] {
  const streams = streamNames(w).map((n) => `\`${n}\``).join(', ');
  const kinesisJob = w.with('flink').some((h) => readsKinesis(w, h.name));
  const plugin = w.with('logstash').some((h) => writesKinesis(w, h.name));
  return [
    `## ${t('AWS resources', 'AWS 리소스')}`,
    '',
    t(
      `Amazon Kinesis is a managed AWS service with no engine to start on your machine: \`aws/template.yaml\` is a CloudFormation template of this pipeline's AWS resources${streams ? ` (streams: ${streams})` : ''}. Create them in your own AWS account before \`docker compose up\`, and delete them when you are done: they cost money while they exist.`,
      `Amazon Kinesis는 AWS 관리형 서비스라 여러분의 컴퓨터에서 띄울 엔진이 없습니다. \`aws/template.yaml\`은 이 파이프라인의 AWS 리소스${streams ? `(스트림: ${streams})` : ''}를 담은 CloudFormation 템플릿입니다. \`docker compose up\` 전에 여러분의 AWS 계정에 만들고, 다 쓰면 지우세요. 리소스가 있는 동안 비용이 듭니다.`,
    ),
    '',
    '```sh',
    `${DEPLOY}`,
    `export AWS_ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)`,
    `eval "$(aws configure export-credentials --format env)"   # ${t('AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN for the containers', '컨테이너에 넘길 AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN')}`,
    'docker compose up -d',
    `# ${t('… and when you are done:', '… 다 쓴 뒤에는:')}`,
    'docker compose down -v',
    `${DELETE}`,
    '```',
    '',
    t(
      'The containers that talk to Kinesis get the AWS credentials of the shell that runs `docker compose` (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` in `compose.yaml`); they need to read and write the streams.',
      'Kinesis와 통신하는 컨테이너는 `docker compose`를 실행한 셸의 AWS 자격 증명(`compose.yaml`의 `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`)을 받습니다. 이 자격 증명에는 스트림을 읽고 쓸 권한이 있어야 합니다.',
    ),
    ...(kinesisJob ? [t(
      `\`'stream.arn'\` in \`job.sql\` names the simulator's account, \`${ACCOUNT}\`: the \`-sql\` service puts \`$AWS_ACCOUNT_ID\` in its place when it submits the job, so the files stay as the simulator ran them. The job reads Kinesis with flink-connector-aws (its \`kinesis\` table: \`source.init.position\` and the other \`source.*\` options of the 5.x source, the same in 6.0 for Flink 2.0).`,
      `\`job.sql\`의 \`'stream.arn'\`에는 시뮬레이터의 계정 \`${ACCOUNT}\`이 들어 있습니다. \`-sql\` 서비스가 잡을 제출할 때 그 자리에 \`$AWS_ACCOUNT_ID\`를 넣으므로, 파일은 시뮬레이터가 실행한 그대로 남습니다. 잡은 flink-connector-aws로 Kinesis를 읽습니다(\`kinesis\` 테이블: \`source.init.position\`을 비롯한 5.x 소스의 \`source.*\` 옵션, Flink 2.0용 6.0에서도 같습니다).`,
    )] : []),
    ...(plugin ? [t(
      'Logstash writes to Kinesis with the community plugin `logstash-output-kinesis` (its last release predates Logstash 8): the `logstash` service installs it at start, which needs network access to rubygems.org.',
      'Logstash는 커뮤니티 플러그인 `logstash-output-kinesis`로 Kinesis에 씁니다(마지막 릴리스가 Logstash 8보다 오래되었습니다). `logstash` 서비스가 시작할 때 설치하므로 rubygems.org에 접속할 수 있어야 합니다.',
    )] : []),
    '',
  ];
}
