/** The Logstash kafka output's codec (simulator/config/logstash/compile.ts `kafkaCodec`) in Korean. */
import type { SimTemplate } from './template.js';

export const logstashCodecTemplates: readonly SimTemplate[] = [
  {
    en: 'codec {name} is valid but not simulated: the simulation writes each event as the json codec would (its fields, without @metadata)',
    ko: '{name} 코덱은 올바른 설정이지만 시뮬레이션하지 않습니다. 시뮬레이션은 각 이벤트를 json 코덱처럼 씁니다(필드만 쓰고 @metadata는 쓰지 않습니다)',
  },
  { en: 'simulated codecs on the kafka output: plain (the default), json', ko: 'kafka 출력에서 시뮬레이션하는 코덱: plain(기본값), json' },
];
