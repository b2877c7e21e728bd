/**
 * Firehose buffering hints: delivery when `SizeInMBs` (default 5) or `IntervalInSeconds` (default
 * 300) is reached, whichever comes first; one S3 object per delivery, keyed `Prefix` + `YYYY/MM/dd/HH/` (UTC).
 * https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html
 * https://docs.aws.amazon.com/firehose/latest/dev/basic-deliver.html
 * SEMANTICS-2 §6 scenario 4.
 */
import { describe, it, expect } from 'vitest';
import { run } from '../collectors/helpers.js';
import { toFirehose } from './helpers.js';
import type { S3Node } from '../../../simulator/nodes/s3/node.js';
import { specOf } from '../../support/specs.js';

const objects = (yaml: string) => (run(yaml).components.get('lake') as S3Node).listObjects('').map((o) => ({ key: o.key, atMs: o.writtenAtMs, records: o.records.length }));

describe('Firehose buffering to S3', () => {
  it('defaults (5 MiB / 300 s) at 10 records/s (~2 KB/s): one object every 300 s, the interval decides', () => {
    const objs = objects(toFirehose({ rate: '10/s', duration: '10m', destination: '    ExtendedS3DestinationConfiguration: { BucketARN: lake, Prefix: logs/ }' }));
    // The first record enters the buffer at ~1 s; Firehose looks at its buffer once a second.
    expect(objs.map((o) => [o.atMs, o.records])).toEqual([[301_003, 2998], [601_003, 2996], [901_003, 6]]);
    expect(objs[0]!.key).toBe('logs/1970/01/01/00/delivery-1-1970-01-01-00-05-01-1');
  });

  it('SizeInMBs: 1 at 100 records/s (~19 KB/s): the size decides, long before the interval', () => {
    const objs = objects(toFirehose({ rate: '100/s', duration: '60s', destination: '    ExtendedS3DestinationConfiguration: { BucketARN: lake, Prefix: logs/, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 900 } }' }));
    expect(objs.map((o) => [o.atMs, o.records])).toEqual([[57_003, 5560], [957_003, 440]]);
  });

  it('defaults are the CloudFormation ones', () => {
    const spec = specOf(toFirehose({ rate: '1/s', destination: '    AmazonopensearchserviceDestinationConfiguration: { DomainARN: es, S3Configuration: { BucketARN: lake } }' }));
    const f = spec.nodes['delivery'];
    if (f?.type !== 'firehose') throw new Error('no firehose');
    expect(f.AmazonopensearchserviceDestinationConfiguration).toMatchObject({
      BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 300 },
      RetryOptions: { DurationInSeconds: 300 },
      DocumentIdOptions: { DefaultDocumentIdFormat: 'FIREHOSE_DEFAULT' },
      S3BackupMode: 'FailedDocumentsOnly',
    });
  });
});
