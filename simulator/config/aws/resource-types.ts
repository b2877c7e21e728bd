/**
 * The CloudFormation resource types a workspace's `aws/template.yaml` may declare, with their
 * properties as the CloudFormation Template Reference lists them: names, types, allowed values,
 * ranges and defaults. A property not listed is refused as CloudFormation refuses it
 * ("Encountered unsupported property …"). `simulated: false` marks a valid property that changes
 * nothing the simulation models (a warning when set).
 *
 * Sources (CloudFormation Template Reference, read for this file):
 * - AWS::Kinesis::Stream: .../TemplateReference/aws-resource-kinesis-stream.html
 *   (RetentionPeriodHours default 24, 24–8760; StreamModeDetails.StreamMode PROVISIONED | ON_DEMAND)
 * - AWS::KinesisFirehose::DeliveryStream: .../aws-resource-kinesisfirehose-deliverystream.html and its
 *   S3DestinationConfiguration, ExtendedS3DestinationConfiguration, ElasticsearchDestinationConfiguration,
 *   AmazonopensearchserviceDestinationConfiguration, BufferingHints, RetryOptions, DocumentIdOptions pages;
 *   Firehose API Reference API_BufferingHints (SizeInMBs 1–128, default 5; IntervalInSeconds 0–900,
 *   default 300) and API_AmazonopensearchserviceRetryOptions (DurationInSeconds 0–7200, default 300).
 * - AWS::S3::Bucket, AWS::IAM::Role: accepted for the ARNs they give (IAM is not simulated).
 */

export type PropType = 'String' | 'Integer' | 'Boolean' | 'List' | 'Json' | { [name: string]: PropDecl };

export interface PropDecl {
  type: PropType;
  required?: boolean;
  min?: number;
  max?: number;
  allowed?: readonly string[];
  /** The service's default, as the reference gives it. */
  default?: string | number | boolean;
  doc: string;
  /** False: valid, but nothing the simulation models depends on it (a warning when written). */
  simulated?: boolean;
}

const p = (type: PropType, doc: string, extra: Omit<PropDecl, 'type' | 'doc'> = {}): PropDecl => ({ type, doc, ...extra });
const inert = (type: PropType, doc: string, extra: Omit<PropDecl, 'type' | 'doc'> = {}): PropDecl => p(type, doc, { ...extra, simulated: false });
/** A property that only names an IAM role or holds settings with no effect here; never warned. */
const quiet = (type: PropType, doc: string, extra: Omit<PropDecl, 'type' | 'doc'> = {}): PropDecl => p(type, doc, extra);

const bufferingHints = (max: number) =>
  p(
    {
      IntervalInSeconds: p('Integer', 'Deliver once the oldest buffered data is this old, in seconds (default 300). Whichever hint is met first triggers delivery.', { min: 0, max: 900, default: 300 }),
      SizeInMBs: p('Integer', 'Deliver once this many MiB are buffered (default 5).', { min: 1, max, default: 5 }),
    },
    'BufferingHints: Firehose buffers incoming data and delivers it by size or age, whichever comes first.',
  );

const cloudWatch = inert('Json', 'CloudWatchLoggingOptions: where Firehose logs delivery errors.');
const processing = inert('Json', 'ProcessingConfiguration: a Lambda transform (not simulated).');

const s3Destination = {
  BucketARN: p('String', 'The bucket, e.g. !GetAtt Lake.Arn or arn:aws:s3:::lake.', { required: true }),
  RoleARN: quiet('String', 'The IAM role Firehose assumes (IAM is not simulated).', { required: true }),
  BufferingHints: bufferingHints(128),
  Prefix: p('String', 'Key prefix of the delivered objects (default: none; Firehose adds YYYY/MM/dd/HH/).'),
  ErrorOutputPrefix: p('String', 'Key prefix for data Firehose could not deliver or process.'),
  CompressionFormat: inert('String', 'UNCOMPRESSED (default), GZIP, ZIP, Snappy or HADOOP_SNAPPY.', { allowed: ['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY'], default: 'UNCOMPRESSED' }),
  EncryptionConfiguration: inert('Json', 'KMS encryption of the objects.'),
  CloudWatchLoggingOptions: cloudWatch,
} satisfies Record<string, PropDecl>;

const extendedS3Destination = {
  ...s3Destination,
  S3BackupMode: inert('String', 'Disabled (default) or Enabled: also back up the source records to a second bucket.', { allowed: ['Disabled', 'Enabled'], default: 'Disabled' }),
  S3BackupConfiguration: inert('Json', 'The backup bucket.'),
  ProcessingConfiguration: processing,
  DataFormatConversionConfiguration: inert('Json', 'Convert JSON to Parquet/ORC.'),
  DynamicPartitioningConfiguration: inert('Json', 'Partition by keys from the records.'),
  CustomTimeZone: inert('String', 'Time zone of the prefix timestamps (default UTC).'),
  FileExtension: inert('String', 'Extension of the delivered objects.'),
} satisfies Record<string, PropDecl>;

/** ElasticsearchDestinationConfiguration and AmazonopensearchserviceDestinationConfiguration have the same shape. */
const searchDestination = {
  IndexName: p('String', 'The index the documents go to.', { required: true }),
  RoleARN: quiet('String', 'The IAM role Firehose assumes (IAM is not simulated).', { required: true }),
  S3Configuration: p(s3Destination, 'The bucket for failed (or all) documents.', { required: true }),
  ClusterEndpoint: p('String', 'The cluster\'s endpoint, https://…; give this or DomainARN.'),
  DomainARN: p('String', 'The domain\'s ARN; give this or ClusterEndpoint.'),
  BufferingHints: bufferingHints(100),
  RetryOptions: p({ DurationInSeconds: p('Integer', 'How long Firehose retries a failed document after the first attempt, in seconds (default 300; 0 = no retries). Then it goes to S3 under the error prefix.', { min: 0, max: 7200, default: 300 }) }, 'RetryOptions.'),
  S3BackupMode: p('String', 'FailedDocumentsOnly (default) or AllDocuments.', { allowed: ['FailedDocumentsOnly', 'AllDocuments'], default: 'FailedDocumentsOnly' }),
  DocumentIdOptions: p({ DefaultDocumentIdFormat: p('String', 'FIREHOSE_DEFAULT: Firehose sends its own id per record, the same on every attempt. NO_DOCUMENT_ID: the cluster makes the ids, so a retried record can be indexed twice.', { required: true, allowed: ['FIREHOSE_DEFAULT', 'NO_DOCUMENT_ID'] }) }, 'DocumentIdOptions.'),
  IndexRotationPeriod: inert('String', 'NoRotation, OneHour, OneDay (default), OneWeek or OneMonth: a time suffix on the index name.', { allowed: ['NoRotation', 'OneHour', 'OneDay', 'OneWeek', 'OneMonth'], default: 'OneDay' }),
  TypeName: inert('String', 'The document type (Elasticsearch 6 and older).'),
  ProcessingConfiguration: processing,
  CloudWatchLoggingOptions: cloudWatch,
  VpcConfiguration: inert('Json', 'The VPC of the domain.'),
} satisfies Record<string, PropDecl>;

/**
 * AWS Glue's catalog resources (CloudFormation Template Reference: AWS::Glue::Database, ::Table, ::Partition,
 * ::Crawler and their TableInput, StorageDescriptor, PartitionInput, Targets, CatalogTarget, Schedule pages).
 * The table's and partition's locations and the partition keys decide what Athena reads (simulator/athena).
 */
const storageDescriptor = p(
  {
    Location: p('String', 'Where the data is: s3://bucket/prefix/ (with the trailing slash).'),
    Columns: p('List', 'The columns: [{ Name, Type }]; each is a field of the JSON lines.'),
    InputFormat: quiet('String', 'e.g. org.apache.hadoop.mapred.TextInputFormat.'),
    OutputFormat: quiet('String', 'e.g. org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat.'),
    SerdeInfo: quiet('Json', 'The SerDe, e.g. { SerializationLibrary: org.openx.data.jsonserde.JsonSerDe }.'),
    Compressed: quiet('Boolean', 'Whether the data is compressed.'),
    NumberOfBuckets: quiet('Integer', 'Buckets (-1: none).'),
    BucketColumns: quiet('List', 'Bucketing columns.'),
    SortColumns: quiet('List', 'Sort columns.'),
    Parameters: quiet('Json', 'SerDe-level properties.'),
    SkewedInfo: quiet('Json', 'Skewed values.'),
    StoredAsSubDirectories: quiet('Boolean', 'Whether data is in subdirectories.'),
    SchemaReference: quiet('Json', 'A schema registry reference.'),
  },
  'The physical storage: location, columns and format.',
);
const catalogId = quiet('String', 'The account of the Data Catalog: !Ref AWS::AccountId.', { required: true });
const GLUE_RESOURCE_TYPES: Record<string, Record<string, PropDecl>> = {
  'AWS::Glue::Database': {
    CatalogId: catalogId,
    DatabaseInput: p({ Name: p('String', 'The database name (lowercase).'), Description: quiet('String', 'A description.'), LocationUri: quiet('String', 'Default location of its tables.'), Parameters: quiet('Json', 'Properties.'), CreateTableDefaultPermissions: quiet('List', 'Lake Formation permissions.'), TargetDatabase: quiet('Json', 'A resource link target.'), FederatedDatabase: quiet('Json', 'A federated database.') }, 'The database.', { required: true }),
    DatabaseName: quiet('String', 'The name of the database to update.'),
  },
  'AWS::Glue::Table': {
    CatalogId: catalogId,
    DatabaseName: p('String', 'The database holding the table (lowercase).', { required: true }),
    TableInput: p(
      {
        Name: p('String', 'The table name (lowercase).'),
        TableType: p('String', 'EXTERNAL_TABLE for data in S3.', { allowed: ['EXTERNAL_TABLE', 'VIRTUAL_VIEW', 'GOVERNED'] }),
        PartitionKeys: p('List', 'The partition columns: [{ Name, Type }], in the order of the folders (dt=…/hour=…/). Partitions must be registered (or projected) before a query sees them.'),
        StorageDescriptor: storageDescriptor,
        Parameters: p('Json', 'Table properties, e.g. EXTERNAL: "TRUE", classification: json, and partition projection: "projection.enabled": "true", "projection.dt.type": date, …'),
        Description: quiet('String', 'A description.'),
        Owner: quiet('String', 'The owner.'),
        Retention: quiet('Integer', 'Retention time.'),
        ViewOriginalText: quiet('String', 'A view\'s original SQL.'),
        ViewExpandedText: quiet('String', 'A view\'s expanded SQL.'),
        TargetTable: quiet('Json', 'A resource link target.'),
        ViewDefinition: quiet('Json', 'A multi-dialect view.'),
      },
      'The table.',
      { required: true },
    ),
    OpenTableFormatInput: inert('Json', 'An Iceberg table (not simulated).'),
  },
  'AWS::Glue::Partition': {
    CatalogId: catalogId,
    DatabaseName: p('String', 'The database.', { required: true }),
    TableName: p('String', 'The table.', { required: true }),
    PartitionInput: p({ Values: p('List', 'One value per partition key, in order: [2026-01-01, "00"].', { required: true }), StorageDescriptor: storageDescriptor, Parameters: quiet('Json', 'Properties.') }, 'The partition.', { required: true }),
  },
  'AWS::Glue::Crawler': {
    Name: p('String', 'The crawler name.'),
    Role: quiet('String', 'The IAM role the crawler assumes (IAM is not simulated).', { required: true }),
    Targets: p(
      {
        CatalogTargets: p('List', '[{ DatabaseName, Tables: [...] }]: existing tables whose partitions the crawler adds from their locations.'),
        S3Targets: p('List', '[{ Path }]: S3 paths the crawler turns into tables of its own.'),
        JdbcTargets: inert('List', 'JDBC targets (not simulated).'),
        DynamoDBTargets: inert('List', 'DynamoDB targets (not simulated).'),
        MongoDBTargets: inert('List', 'MongoDB targets (not simulated).'),
        DeltaTargets: inert('List', 'Delta Lake targets (not simulated).'),
        IcebergTargets: inert('List', 'Iceberg targets (not simulated).'),
        HudiTargets: inert('List', 'Hudi targets (not simulated).'),
      },
      'What the crawler reads.',
      { required: true },
    ),
    DatabaseName: p('String', 'Where the crawler writes tables of S3 targets.'),
    Schedule: p({ ScheduleExpression: p('String', 'cron(Minutes Hours Day-of-month Month Day-of-week Year) in UTC; at most every 5 minutes.') }, 'When the crawler runs (absent: on demand, `aws glue start-crawler`).'),
    SchemaChangePolicy: quiet('Json', 'UpdateBehavior / DeleteBehavior (catalog targets need DeleteBehavior: LOG).'),
    RecrawlPolicy: quiet('Json', 'CRAWL_EVERYTHING, CRAWL_NEW_FOLDERS_ONLY or CRAWL_EVENT_MODE.'),
    Configuration: quiet('String', 'A JSON string of crawler options.'),
    Classifiers: quiet('List', 'Custom classifiers.'),
    Description: quiet('String', 'A description.'),
    TablePrefix: quiet('String', 'Prefix of the tables it creates.'),
    CrawlerSecurityConfiguration: quiet('String', 'Security configuration.'),
    LakeFormationConfiguration: quiet('Json', 'Lake Formation options.'),
    LineageConfiguration: quiet('Json', 'Data lineage options.'),
    Tags: quiet('Json', 'Tags.'),
  },
};

/**
 * EventBridge Scheduler (CloudFormation Template Reference: AWS::Scheduler::Schedule and its
 * FlexibleTimeWindow, Target and RetryPolicy pages; EventBridge Scheduler API Reference: CreateSchedule,
 * FlexibleTimeWindow, RetryPolicy). What the schedule does is config/aws/scheduler.ts and
 * simulator/scheduler/invocations.ts.
 */
const SCHEDULER_RESOURCE_TYPES: Record<string, Record<string, PropDecl>> = {
  'AWS::Scheduler::Schedule': {
    Name: p('String', 'The schedule name (default: CloudFormation makes one; here the logical ID).'),
    GroupName: quiet('String', 'The schedule group (default: default).', { default: 'default' }),
    Description: quiet('String', 'A description.'),
    ScheduleExpression: p('String', 'When it runs: at(yyyy-mm-ddThh:mm:ss) once, rate(value unit), or cron(Minutes Hours Day-of-month Month Day-of-week Year), in ScheduleExpressionTimezone.', { required: true }),
    ScheduleExpressionTimezone: p('String', 'The IANA time zone the expression is read in, e.g. Asia/Seoul (default UTC). Daylight saving time is followed.', { default: 'UTC' }),
    FlexibleTimeWindow: p(
      {
        Mode: p('String', '"OFF": invoke at the scheduled minute; "FLEXIBLE": at some time within MaximumWindowInMinutes after it. Quote it: unquoted OFF is a YAML boolean.', { required: true, allowed: ['OFF', 'FLEXIBLE'] }),
        MaximumWindowInMinutes: p('Integer', 'With Mode FLEXIBLE (required then): the invocation comes up to this many minutes after the scheduled time.', { min: 1, max: 1440 }),
      },
      'The time window the target is invoked in.',
      { required: true },
    ),
    State: p('String', 'ENABLED (default) or DISABLED: a disabled schedule invokes nothing.', { allowed: ['ENABLED', 'DISABLED'], default: 'ENABLED' }),
    StartDate: p('String', 'The date, in UTC, after which the schedule can begin invoking (ISO 8601, e.g. 2026-01-01T00:00:00Z). Ignored by at() schedules.'),
    EndDate: p('String', 'The date, in UTC, before which the schedule can invoke. Ignored by at() schedules.'),
    KmsKeyArn: quiet('String', 'A customer managed KMS key (not simulated).'),
    Target: p(
      {
        Arn: p('String', 'What to call: a universal target arn:aws:scheduler:::aws-sdk:<service>:<apiAction> (simulated: glue:startCrawler) or a templated target\'s ARN.', { required: true }),
        RoleArn: quiet('String', 'The execution role EventBridge Scheduler assumes (IAM is not simulated).', { required: true }),
        Input: p('String', 'For a universal target, the API request as JSON: {"Name": "<crawler>"} for glue:startCrawler.'),
        RetryPolicy: p(
          {
            MaximumRetryAttempts: p('Integer', 'Retries of a failed invocation, with exponential backoff (default 185).', { min: 0, max: 185, default: 185 }),
            MaximumEventAgeInSeconds: p('Integer', 'How long to keep retrying, in seconds (default 86400).', { min: 60, max: 86400, default: 86400 }),
          },
          'How EventBridge Scheduler retries an invocation the target refused.',
        ),
        DeadLetterConfig: inert({ Arn: p('String', 'An SQS queue.') }, 'Where an invocation goes once retries are exhausted (not simulated).'),
        EcsParameters: inert('Json', 'An ECS RunTask target (not simulated).'),
        EventBridgeParameters: inert('Json', 'An EventBridge PutEvents target (not simulated).'),
        KinesisParameters: inert('Json', 'A Kinesis PutRecord target (not simulated).'),
        SageMakerPipelineParameters: inert('Json', 'A SageMaker pipeline target (not simulated).'),
        SqsParameters: inert('Json', 'An SQS SendMessage target (not simulated).'),
      },
      'The API call the schedule makes.',
      { required: true },
    ),
  },
};

export const RESOURCE_TYPES: Readonly<Record<string, Record<string, PropDecl>>> = {
  'AWS::Kinesis::Stream': {
    Name: p('String', 'The stream name (default: CloudFormation makes one; here the logical ID).'),
    ShardCount: p('Integer', 'Shards of a provisioned stream; each takes 1 MB/s or 1,000 records/s in and serves 2 MB/s out.', { min: 1 }),
    RetentionPeriodHours: p('Integer', 'Hours records stay readable (default 24, up to 8760 = 365 days).', { min: 24, max: 8760, default: 24 }),
    StreamModeDetails: p({ StreamMode: p('String', 'PROVISIONED or ON_DEMAND.', { required: true, allowed: ['PROVISIONED', 'ON_DEMAND'] }) }, 'The capacity mode (default PROVISIONED).'),
    StreamEncryption: inert({ EncryptionType: p('String', 'KMS.', { required: true, allowed: ['KMS'] }), KeyId: p('String', 'The KMS key.', { required: true }) }, 'Server-side encryption.'),
    DesiredShardLevelMetrics: inert('List', 'Shard-level CloudWatch metrics to enable.'),
    MaxRecordSizeInKiB: inert('Integer', 'Largest record, 1024 (default) to 10240 KiB.', { min: 1024, max: 10240, default: 1024 }),
    WarmThroughputMiBps: inert('Integer', 'Warm throughput of an on-demand stream.'),
    Tags: quiet('List', 'Tags.'),
  },
  'AWS::KinesisFirehose::DeliveryStream': {
    DeliveryStreamName: p('String', 'The Firehose stream name (default: CloudFormation makes one; here the logical ID).'),
    DeliveryStreamType: p('String', 'DirectPut (default), KinesisStreamAsSource, MSKAsSource or DatabaseAsSource.', { allowed: ['DirectPut', 'KinesisStreamAsSource', 'MSKAsSource', 'DatabaseAsSource'], default: 'DirectPut' }),
    KinesisStreamSourceConfiguration: p({ KinesisStreamARN: p('String', 'The source stream, e.g. !GetAtt Stream.Arn.', { required: true }), RoleARN: quiet('String', 'The role that reads the stream.', { required: true }) }, 'The Kinesis data stream Firehose reads.'),
    S3DestinationConfiguration: p(s3Destination, 'An S3 destination.'),
    ExtendedS3DestinationConfiguration: p(extendedS3Destination, 'An S3 destination with the extended options.'),
    ElasticsearchDestinationConfiguration: p(searchDestination, 'An Amazon OpenSearch Service (Elasticsearch) destination.'),
    AmazonopensearchserviceDestinationConfiguration: p(searchDestination, 'An Amazon OpenSearch Service destination.'),
    AmazonOpenSearchServerlessDestinationConfiguration: inert('Json', 'An OpenSearch Serverless destination (not simulated).'),
    HttpEndpointDestinationConfiguration: inert('Json', 'An HTTP endpoint destination (not simulated).'),
    RedshiftDestinationConfiguration: inert('Json', 'A Redshift destination (not simulated).'),
    SplunkDestinationConfiguration: inert('Json', 'A Splunk destination (not simulated).'),
    SnowflakeDestinationConfiguration: inert('Json', 'A Snowflake destination (not simulated).'),
    IcebergDestinationConfiguration: inert('Json', 'An Apache Iceberg destination (not simulated).'),
    MSKSourceConfiguration: inert('Json', 'An MSK source (not simulated).'),
    DatabaseSourceConfiguration: inert('Json', 'A database source (not simulated).'),
    DirectPutSourceConfiguration: inert('Json', 'Throughput hint for Direct PUT.'),
    DeliveryStreamEncryptionConfigurationInput: inert('Json', 'Server-side encryption.'),
    Tags: quiet('List', 'Tags.'),
  },
  'AWS::S3::Bucket': Object.fromEntries(
    ['AccelerateConfiguration', 'AbacStatus', 'AnalyticsConfigurations', 'BucketEncryption', 'CorsConfiguration', 'IntelligentTieringConfigurations', 'InventoryConfigurations', 'LifecycleConfiguration', 'LoggingConfiguration', 'MetadataConfiguration', 'MetadataTableConfiguration', 'MetricsConfigurations', 'NotificationConfiguration', 'ObjectLockConfiguration', 'ObjectLockEnabled', 'OwnershipControls', 'PublicAccessBlockConfiguration', 'ReplicationConfiguration', 'Tags', 'VersioningConfiguration', 'WebsiteConfiguration']
      .map((k) => [k, quiet('Json', `${k} (not simulated: the bucket is the simulated object store).`)])
      .concat([['BucketName', p('String', 'The bucket name (default: CloudFormation makes one; here the logical ID).')]]),
  ),
  ...GLUE_RESOURCE_TYPES,
  ...SCHEDULER_RESOURCE_TYPES,
  'AWS::IAM::Role': Object.fromEntries(
    ['AssumeRolePolicyDocument', 'Description', 'ManagedPolicyArns', 'MaxSessionDuration', 'Path', 'PermissionsBoundary', 'Policies', 'RoleName', 'Tags'].map((k) => [k, quiet(k === 'RoleName' || k === 'Description' || k === 'Path' || k === 'PermissionsBoundary' ? 'String' : 'Json', `${k} (IAM is not simulated).`, k === 'AssumeRolePolicyDocument' ? { required: true } : {})]),
  ),
};

/** Top-level sections of a template (Template anatomy). */
export const TEMPLATE_SECTIONS = ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs'] as const;
/** Keys of one resource. */
export const RESOURCE_KEYS = ['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy'] as const;
