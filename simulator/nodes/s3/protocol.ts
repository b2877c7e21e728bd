/** Messages between S3 clients (Logstash's s3 output, Flink's FileSink) and the S3 node (protocols: "S3"). */
import type { Message } from '../../core/node.js';
import type { Rec, RecordColumn } from '../../core/record.js';

export interface S3Put extends Message {
  kind: 's3.put';
  requestId: number;
  key: string;
  /** The object's lines: Logstash's s3 output sends its temporary file's RecordBuffer. */
  records: RecordColumn;
}

/** One part of a multipart upload; invisible until the upload is completed. */
export interface S3PartUpload extends Message {
  kind: 's3.mpu.part';
  requestId: number;
  uploadId: string;
  key: string;
  records: Rec[];
}

export interface S3Complete extends Message {
  kind: 's3.mpu.complete';
  requestId: number;
  uploadId: string;
}

export interface S3Abort extends Message {
  kind: 's3.mpu.abort';
  requestId: number;
  uploadId: string;
}

export type S3Request = S3Put | S3PartUpload | S3Complete | S3Abort;

export interface S3Response extends Message {
  kind: 's3.put.response' | 's3.mpu.part.response' | 's3.mpu.complete.response' | 's3.mpu.abort.response';
  requestId: number;
  ok: boolean;
}
