/**
 * The export's refusals of a Kinesis-sourced pipeline in Korean (simulator/export/write-flink-kinesis.ts,
 * write-aws.ts, write-logstash.ts). A refusal carries its Korean sentence itself; these templates let
 * the page's catalogue render the English line the CLI prints as well, with the same words.
 */
import type { SimTemplate } from './template.js';

export const exportKinesisTemplates: SimTemplate[] = [
  { en: "'source.init.position' = 'AT_TIMESTAMP' needs 'source.init.timestamp': the Kinesis source refuses the table without it", ko: "'source.init.position' = 'AT_TIMESTAMP'에는 'source.init.timestamp'가 필요합니다. Kinesis 소스는 이 값이 없는 테이블을 받지 않습니다" },
  { en: 'the export writes later versions (job-<version>.sql with world.yaml deploys) of a job that reads Kafka: this job reads Kinesis', ko: '내보내기는 Kafka를 읽는 잡의 다음 버전(job-<version>.sql과 world.yaml의 deploys)만 씁니다. 이 잡은 Kinesis를 읽습니다' },
  { en: 'as real files a stream node is named after its stream (aws/template.yaml names it `{name}`): rename `{id}` to `{name}` to export it', ko: '실제 파일로 쓰면 스트림 노드의 이름은 스트림 이름(aws/template.yaml의 `{name}`)입니다. 내보내려면 `{id}`를 `{name}`로 바꾸세요' },
  { en: '`aws` is the folder of the AWS resources (aws/template.yaml) in an export: rename this node', ko: '내보내기에서 `aws`는 AWS 리소스(aws/template.yaml)의 폴더 이름입니다. 이 노드의 이름을 바꾸세요' },
  { en: 'the kinesis output writes to the stream its stream_name names: `{name}` is not the stream of node `{node}` (`{stream}`)', ko: 'kinesis 출력은 stream_name이 가리키는 스트림에 씁니다. `{name}`은 노드 `{node}`의 스트림(`{stream}`)이 아닙니다' },
  { en: 'the bundle creates the streams in {region} (aws/template.yaml): a kinesis output in {other} would not find `{stream}` there', ko: '번들은 스트림을 {region}에 만듭니다(aws/template.yaml). {other}의 kinesis 출력은 그곳에서 `{stream}`를 찾지 못합니다' },
];
