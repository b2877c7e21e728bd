/**
 * FAULTS.md and FAULTS.ko.md: world.yaml's faults, and the reshards operators run on a Kinesis
 * stream, as the commands a person runs against the stack at their times. Every sentence is written
 * in both languages the course speaks; commands stay as written.
 */
import { formatDuration, parseDuration } from '../spec/units.js';
import type { BundleWorld } from './world-of.js';
import { IMAGES, PROJECT } from './images.js';
import { flinkWorker } from './compose.js';
import { REGION } from '../config/aws/resolve.js';
import { writeReshards } from './write-aws.js';

const ms = (v: unknown): number => {
  const d = parseDuration(v);
  return typeof d === 'number' ? d : 0;
};
const pct = (p: number) => `${Math.round(p * 1e6) / 1e4}%`;
const at = (t: number) => `**t = ${formatDuration(t)}**`;

export function writeFaultsMd(w: BundleWorld, lang: 'en' | 'ko' = 'en'): string {
  const t = (en: string, ko: string) => (lang === 'ko' ? ko : en);
  const roleOf = (host: string) => w.hosts.find((h) => h.name === host)?.roles;
  const brokers = w.with('kafka').map((h) => h.name);
  /** The compose services a crash of `host` kills. */
  const servicesOf = (host: string): string[] => {
    if (host === 'kafka' && brokers.length > 1 && !roleOf(host)) return brokers;
    if (roleOf(host)?.has('flink')) return [flinkWorker(host)];
    if (roleOf(host)?.has('app')) return [];
    return [host];
  };
  const netem = (host: string, rule: string) => `docker run --rm --cap-add NET_ADMIN --network container:$(docker compose ps -q ${host}) ${IMAGES.netshoot} tc qdisc ${rule}`;
  const reshards = w.aws !== undefined ? writeReshards(w.spec) : [];
  const out: string[] = [
    t('# Faults', '# 장애'),
    '',
    t('Start the stack first (`docker compose up -d`, README.md); t = 0 is when the log generator starts writing (`docker compose logs -f` shows it).', '먼저 스택을 시작하세요(`docker compose up -d`, README.ko.md). t = 0은 로그 생성기가 쓰기 시작한 때입니다(`docker compose logs -f`로 보입니다).'),
    t('Run each command below at its time, from this folder.', '아래 명령을 각자의 시각에 이 폴더에서 실행하세요.'),
    t('한국어: `FAULTS.ko.md`', 'English: `FAULTS.md`'),
    '',
  ];
  if (w.faults.length === 0 && reshards.length === 0) out.push(t('This pipeline has no faults: run it as it is, and compare the counts of README.md with the ledger.', '이 파이프라인에는 장애가 없습니다. 그대로 실행하고 README.ko.md의 수를 원장과 비교하세요.'), '');
  w.faults.forEach((f, i) => {
    out.push(`## ${i + 1}. ${JSON.stringify(f).replace(/"/g, '')}`, '');
    if (typeof f.crash === 'string') {
      const services = servicesOf(f.crash);
      const restart = f['restart-after'] !== undefined ? ms(f.at) + ms(f['restart-after']) : undefined;
      if (services.length === 0) {
        out.push(t(
          `${f.crash} is your own consumer application (app.yaml says what its code does): stop its process at ${at(ms(f.at))}${restart !== undefined ? ` and start it again at ${at(restart)}` : ''}.`,
          `${f.crash}는 여러분이 만든 컨슈머 애플리케이션입니다(코드가 할 일은 app.yaml에 있습니다). ${at(ms(f.at))}에 프로세스를 멈추세요${restart !== undefined ? `. ${at(restart)}에 다시 시작하세요` : ''}.`,
        ), '');
        return;
      }
      out.push(`- ${at(ms(f.at))}: ${t('the process dies (SIGKILL: no clean shutdown, as the simulator\'s crash):', '프로세스가 죽습니다(SIGKILL: 시뮬레이터의 크래시처럼 정상 종료 없이):')}`, '', '  ```sh', `  docker compose kill ${services.join(' ')}`, '  ```');
      if (restart !== undefined) out.push(`- ${at(restart)}: ${t('it comes back with what it wrote to disk:', '디스크에 쓴 것을 가지고 다시 올라옵니다:')}`, '', '  ```sh', `  docker compose start ${services.join(' ')}`, '  ```');
      if (roleOf(f.crash)?.has('flink')) out.push('', `  ${t('The simulator\'s crash of a Flink job is a failure of its tasks: killing the TaskManager does that; the JobManager restarts the job from the last completed checkpoint (web UI, Checkpoints tab).', '시뮬레이터에서 Flink 잡의 크래시는 태스크의 실패입니다. TaskManager를 죽이면 그렇게 되고, JobManager가 마지막으로 완료된 체크포인트에서 잡을 재시작합니다(웹 UI, Checkpoints 탭).')}`);
      out.push('');
    } else if (typeof f.link === 'string') {
      const [from, to] = f.link.split('->');
      const parts: string[] = [];
      if (f.delay !== undefined || f.jitter !== undefined) parts.push(`delay ${ms(f.delay ?? 1)}ms${f.jitter !== undefined ? ` ${ms(f.jitter)}ms` : ''}`);
      if (typeof f.loss === 'number') parts.push(`loss ${pct(f.loss)}`);
      if (typeof f.duplicate === 'number') parts.push(`duplicate ${pct(f.duplicate)}`);
      if (typeof f.reorder === 'number') parts.push(`reorder ${pct(f.reorder)}`);
      const rule = parts.join(' ') || 'delay 1ms';
      out.push(`- ${at(ms(f.from ?? 0))}: ${t(`impair what ${from} sends (tc's netem, in a throw-away container sharing ${from}'s network; the images have no tc):`, `${from}가 보내는 것을 망가뜨립니다(tc의 netem을 ${from}의 네트워크를 공유하는 일회용 컨테이너에서 실행합니다. 이미지에는 tc가 없습니다):`)}`, '', '  ```sh', `  ${netem(from!, `add dev eth0 root netem ${rule}`)}`, '  ```');
      if (f.to !== undefined) out.push(`- ${at(ms(f.to))}: ${t('heal it:', '복구합니다:')}`, '', '  ```sh', `  ${netem(from!, 'del dev eth0 root')}`, '  ```');
      out.push('', `  ${t(`Unlike the simulator's link, netem acts on everything ${from} sends, not only to ${to}, and one way only: ${to}'s replies pass untouched.`, `시뮬레이터의 링크와 달리 netem은 ${to}로 가는 것만이 아니라 ${from}가 보내는 모든 것에 작용하고, 한 방향뿐입니다. ${to}의 응답은 그대로 지나갑니다.`)}`, '');
    } else if (Array.isArray(f.partition)) {
      const hosts = (f.partition as unknown[]).map(String).flatMap(servicesOf);
      out.push(`- ${at(ms(f.from))}: ${t('cut them off the network:', '네트워크에서 끊습니다:')}`, '', '  ```sh', ...hosts.map((h) => `  docker network disconnect ${PROJECT}_default $(docker compose ps -q ${h})`), '  ```');
      if (f.to !== undefined) out.push(`- ${at(ms(f.to))}: ${t('heal it:', '복구합니다:')}`, '', '  ```sh', ...hosts.map((h) => `  docker network connect --alias ${h} ${PROJECT}_default $(docker compose ps -q ${h})`), '  ```');
      out.push('', `  ${t('Disconnected containers cannot reach each other either, where the simulator lets a partitioned group talk among itself.', '끊긴 컨테이너끼리도 서로 닿지 않습니다. 시뮬레이터에서는 분할된 그룹 안에서는 통신할 수 있습니다.')}`, '');
    }
  });
  if (reshards.length > 0) {
    // world.yaml's reshards are AWS CLI lines already; the region is the stack's (README, AWS resources).
    out.push(t('## Reshards', '## 리샤딩'), '', t('Operators reshard the stream during the run (world.yaml `reshards`), against the stack deployed from aws/template.yaml:', '운영자가 실행 중에 스트림을 리샤딩합니다(world.yaml의 `reshards`). aws/template.yaml로 배포한 스택에 대해 실행하세요:'), '');
    for (const r of reshards) out.push(`- ${at(ms(r.at))}:`, '', '  ```sh', `  ${r.run} --region ${REGION}`, '  ```', '');
  }
  out.push(t('## Reading the outcome', '## 결과 읽기'), '');
  for (const h of w.with('elasticsearch')) out.push(t(`- Documents in Elasticsearch on ${h.name}: \`docker compose exec ${h.name} curl -s 'http://localhost:9200/_cat/indices?v'\` and \`curl -s localhost:9200/<index>/_count\` (the index your outputs write).`, `- ${h.name}의 Elasticsearch 도큐먼트: \`docker compose exec ${h.name} curl -s 'http://localhost:9200/_cat/indices?v'\`와 \`curl -s localhost:9200/<index>/_count\`(출력이 쓰는 인덱스).`));
  if (brokers.length > 0) {
    out.push(t(`- Kafka consumer groups, their committed offsets and lag: \`docker compose exec ${brokers[0]} /opt/kafka/bin/kafka-consumer-groups.sh --bootstrap-server ${brokers[0]}:9092 --describe --all-groups\`.`, `- Kafka 컨슈머 그룹과 커밋된 오프셋, 랙: \`docker compose exec ${brokers[0]} /opt/kafka/bin/kafka-consumer-groups.sh --bootstrap-server ${brokers[0]}:9092 --describe --all-groups\`.`));
    out.push(t(`- Records in each topic (log-end offsets): \`docker compose exec ${brokers[0]} /opt/kafka/bin/kafka-get-offsets.sh --bootstrap-server ${brokers[0]}:9092\`.`, `- 토픽마다 레코드 수(로그 끝 오프셋): \`docker compose exec ${brokers[0]} /opt/kafka/bin/kafka-get-offsets.sh --bootstrap-server ${brokers[0]}:9092\`.`));
  }
  if (w.with('flink').length > 0) out.push(t('- Flink: the web UI at http://localhost:8081 → the running job → Checkpoints (completed, failed, restored) and Exceptions (restarts).', '- Flink: 웹 UI http://localhost:8081 → 실행 중인 잡 → Checkpoints(완료, 실패, 복원)와 Exceptions(재시작).'));
  if (Object.values(w.spec.nodes).some((n) => n.type === 's3')) out.push(t('- Objects written to S3: the MinIO console at http://localhost:9001 (minioadmin / minioadmin), bucket `pipeline-lab`.', '- S3에 쓴 오브젝트: MinIO 콘솔 http://localhost:9001 (minioadmin / minioadmin), 버킷 `pipeline-lab`.'));
  if (w.aws !== undefined) out.push(t(`- Kinesis streams: \`aws kinesis describe-stream-summary --region ${REGION} --stream-name <stream>\` (open shards), and the stream's \`IncomingRecords\` and \`GetRecords.IteratorAgeMilliseconds\` metrics in CloudWatch.`, `- Kinesis 스트림: \`aws kinesis describe-stream-summary --region ${REGION} --stream-name <스트림>\`(열린 샤드), 그리고 CloudWatch에서 스트림의 \`IncomingRecords\`와 \`GetRecords.IteratorAgeMilliseconds\` 지표.`));
  out.push('');
  return out.join('\n');
}
