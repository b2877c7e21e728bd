/**
 * Firehose → OpenSearch: failed documents are retried for `RetryOptions.DurationInSeconds`
 * (default 300; 0 = no retries), then written to S3 under the error prefix
 * (https://docs.aws.amazon.com/firehose/latest/APIReference/API_AmazonopensearchserviceRetryOptions.html).
 * Document ids: `FIREHOSE_DEFAULT` is stable across attempts; with `NO_DOCUMENT_ID` OpenSearch makes
 * the ids and a retried record can be indexed twice
 * (https://docs.aws.amazon.com/firehose/latest/APIReference/API_DocumentIdOptions.html).
 */
import { describe, it, expect } from 'vitest';
import { run } from '../collectors/helpers.js';
import { toFirehose } from './helpers.js';
import type { S3Node } from '../../../simulator/nodes/s3/node.js';

const opensearch = (extra = '') => `    AmazonopensearchserviceDestinationConfiguration:
      DomainARN: es
      IndexName: logs
      BufferingHints: { IntervalInSeconds: 10 }
      S3Configuration: { BucketARN: lake }
${extra}`;

describe('Firehose delivery to OpenSearch', () => {
  it('429 on a fifth of the items, default retries: every document indexed once', () => {
    const es = run(toFirehose({ rate: '50/s', duration: '60s', destination: opensearch(), es: 'rejections: { 429: 0.2 }' })).result.outputs['es']!;
    expect(es).toMatchObject({ generated: 3000, exactlyOnce: 3000, duplicated: 0, lost: 0, documents: 3000 });
  });

  it('RetryOptions.DurationInSeconds: 0: refused documents go straight to S3 under AmazonOpenSearchService_failed/', () => {
    const h = run(toFirehose({ rate: '50/s', duration: '60s', destination: opensearch('      RetryOptions: { DurationInSeconds: 0 }'), es: 'rejections: { 429: 0.2 }' }));
    expect(h.result.outputs['es']).toMatchObject({ exactlyOnce: 2368, deadLettered: 632, lost: 0 });
    const failed = (h.components.get('lake') as S3Node).listObjects('AmazonOpenSearchService_failed/');
    expect(failed.reduce((n, o) => n + o.records.length, 0)).toBe(632);
  });

  it('OpenSearch down 10 minutes, default 300 s of retries: the documents end up in the error prefix, not in the index', () => {
    const h = run(toFirehose({ rate: '50/s', duration: '60s', destination: opensearch(), faults: ['{ crash: es, at: 5s, restart-after: 10m }'] }));
    expect(h.result.outputs['es']).toMatchObject({ exactlyOnce: 0, deadLettered: 3000, lost: 0 });
    const failed = (h.components.get('lake') as S3Node).listObjects('AmazonOpenSearchService_failed/');
    // The first delivery (at ~10 s) goes unanswered until 70 s; its retries stop 300 s later.
    expect(failed[0]!.writtenAtMs).toBe(376_003);
  });

  it('the same outage with DurationInSeconds: 900: retried until OpenSearch is back, all indexed', () => {
    const h = run(toFirehose({ rate: '50/s', duration: '60s', destination: opensearch('      RetryOptions: { DurationInSeconds: 900 }'), faults: ['{ crash: es, at: 5s, restart-after: 10m }'] }));
    expect(h.result.outputs['es']).toMatchObject({ exactlyOnce: 3000, deadLettered: 0, duplicated: 0 });
  });

  it('lost responses, FIREHOSE_DEFAULT ids: the retries overwrite (versions above 1), no duplicate documents', () => {
    const es = run(toFirehose({ rate: '50/s', duration: '60s', destination: opensearch(), faults: ['{ link: delivery->es, loss: 0.3, from: 0s, to: 60s }'] })).result.outputs['es']!;
    expect(es).toMatchObject({ exactlyOnce: 3000, duplicated: 0, documents: 3000, versionsAbove1: 993 });
  });

  it('lost responses, NO_DOCUMENT_ID: OpenSearch makes a new id per attempt, so the retried documents are indexed twice', () => {
    const es = run(toFirehose({ rate: '50/s', duration: '60s', destination: opensearch('      DocumentIdOptions: { DefaultDocumentIdFormat: NO_DOCUMENT_ID }'), faults: ['{ link: delivery->es, loss: 0.3, from: 0s, to: 60s }'] })).result.outputs['es']!;
    expect(es).toMatchObject({ exactlyOnce: 2007, duplicated: 993, documents: 3993, duplicatedAt: { delivery: 993 } });
  });
});
