import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';

/** Answers of the fake, by `X-Amz-Target` (the JSON protocols of ECR, CloudWatch Logs and DynamoDB). */
export type FakeAnswers = Record<string, (request: Record<string, any>) => unknown>;

/** An answer of the fake S3 (REST XML): status, body, headers. */
export interface S3Answer {
  readonly status: number;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

/** Answers of the fake S3, by `<METHOD> <bucket>?<subresource>` (e.g. `GET images?versioning`, `HEAD images`). */
export type S3Answers = Record<string, () => S3Answer>;

/** A local stand-in for the AWS JSON APIs the provider calls to read imported resources. */
export class FakeAws {
  /** Every call received, as `<target>`. */
  public readonly calls: string[] = [];
  private server?: Server;

  constructor(private readonly answers: FakeAnswers, private readonly s3: S3Answers = {}) {}

  /** Starts listening on a free local port; returns the endpoint URL. */
  public async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void readBody(request).then((body) => {
        if (request.headers['x-amz-target'] === undefined) {
          this.answerS3(request.method ?? 'GET', request.url ?? '/', response);
          return;
        }
        const target = String(request.headers['x-amz-target'] ?? '');
        this.calls.push(target);
        const answer = this.answers[target] as FakeAnswers[string] | undefined;
        response.setHeader('content-type', 'application/x-amz-json-1.1');
        response.statusCode = answer ? 200 : 400;
        response.end(JSON.stringify(answer ? answer(JSON.parse(body || '{}')) : { __type: 'UnknownOperationException', message: target }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** S3 with path-style addressing: `/<bucket>?<subresource>`; what the fake does not know is an S3 error. */
  private answerS3(method: string, url: string, response: ServerResponse): void {
    const { pathname, searchParams } = new URL(url, 'http://fake');
    const subresource = [...searchParams.keys()].find((key) => key !== 'x-id') ?? '';
    const call = `${method} ${pathname.slice(1)}${subresource ? `?${subresource}` : ''}`;
    this.calls.push(`S3 ${call}`);
    const answer = this.s3[call]?.() ?? s3Error(501, 'NotImplemented', call);
    response.statusCode = answer.status;
    Object.entries({ 'content-type': 'application/xml', ...answer.headers }).forEach(([name, value]) => response.setHeader(name, value));
    response.end(method === 'HEAD' ? undefined : answer.body ?? '');
  }

  public async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf-8');
}

/**
 * What Copilot left in the account: the ECR repository, the log group and the `visits` table (an
 * addon, AWS-owned encryption, no point-in-time recovery) of `hello`'s `web` service in `dev`.
 */
export function copilotLeftovers(account: string, region: string): FakeAnswers {
  const repository = {
    repositoryName: 'hello/web',
    repositoryArn: `arn:aws:ecr:${region}:${account}:repository/hello/web`,
    registryId: account,
    repositoryUri: `${account}.dkr.ecr.${region}.amazonaws.com/hello/web`,
    createdAt: 1700000000,
    imageTagMutability: 'MUTABLE',
    imageScanningConfiguration: { scanOnPush: false },
    encryptionConfiguration: { encryptionType: 'AES256' },
  };
  const logGroup = {
    logGroupName: '/copilot/hello-dev-web',
    arn: `arn:aws:logs:${region}:${account}:log-group:/copilot/hello-dev-web:*`,
    logGroupArn: `arn:aws:logs:${region}:${account}:log-group:/copilot/hello-dev-web`,
    creationTime: 1700000000000,
    retentionInDays: 30,
    storedBytes: 1024,
    logGroupClass: 'STANDARD',
  };
  const table = {
    TableName: 'hello-dev-web-visits',
    TableArn: `arn:aws:dynamodb:${region}:${account}:table/hello-dev-web-visits`,
    TableId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
    TableStatus: 'ACTIVE',
    CreationDateTime: 1700000000,
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: 1700000000 },
    ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0, NumberOfDecreasesToday: 0 },
    ItemCount: 42,
    TableSizeBytes: 4096,
    DeletionProtectionEnabled: false,
  };
  return {
    'DynamoDB_20120810.DescribeTable': () => ({ Table: table }),
    'DynamoDB_20120810.DescribeContinuousBackups': () => ({
      ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } },
    }),
    'DynamoDB_20120810.DescribeTimeToLive': () => ({ TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } }),
    'DynamoDB_20120810.ListTagsOfResource': () => ({ Tags: [{ Key: 'copilot-application', Value: 'hello' }] }),
    'AmazonEC2ContainerRegistry_V20150921.DescribeRepositories': () => ({ repositories: [repository] }),
    'AmazonEC2ContainerRegistry_V20150921.ListTagsForResource': () => ({ tags: [{ Key: 'copilot-application', Value: 'hello' }] }),
    'Logs_20140328.DescribeLogGroups': () => ({ logGroups: [logGroup] }),
    'Logs_20140328.ListTagsForResource': () => ({ tags: { 'copilot-application': 'hello' } }),
    'Logs_20140328.ListTagsLogGroup': () => ({ tags: { 'copilot-application': 'hello' } }),
  };
}

/** An S3 error document. */
export function s3Error(status: number, code: string, message = code): S3Answer {
  return { status, body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>` };
}

const S3_XMLNS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

/**
 * A bucket of a Copilot addon as S3 describes it (AES-256 by default, private ACL, no policy, no
 * versioning, one tag): what the provider reads when it imports the bucket.
 */
export function copilotBucket(bucket: string, account: string, region: string): S3Answers {
  const owner = `<Owner><ID>${'a'.repeat(64)}</ID><DisplayName>owner-${account}</DisplayName></Owner>`;
  const ok = (body: string): S3Answer => ({ status: 200, body: `<?xml version="1.0" encoding="UTF-8"?>${body}` });
  return {
    [`HEAD ${bucket}`]: () => ({ status: 200, headers: { 'x-amz-bucket-region': region } }),
    [`GET ${bucket}?location`]: () => ok(`<LocationConstraint ${S3_XMLNS}>${region === 'us-east-1' ? '' : region}</LocationConstraint>`),
    [`GET ${bucket}?policy`]: () => s3Error(404, 'NoSuchBucketPolicy'),
    [`GET ${bucket}?acl`]: () => ok(`<AccessControlPolicy ${S3_XMLNS}>${owner}<AccessControlList><Grant>` +
      `<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${'a'.repeat(64)}</ID></Grantee>` +
      '<Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>'),
    [`GET ${bucket}?cors`]: () => s3Error(404, 'NoSuchCORSConfiguration'),
    [`GET ${bucket}?website`]: () => s3Error(404, 'NoSuchWebsiteConfiguration'),
    [`GET ${bucket}?versioning`]: () => ok(`<VersioningConfiguration ${S3_XMLNS}/>`),
    [`GET ${bucket}?accelerate`]: () => ok(`<AccelerateConfiguration ${S3_XMLNS}/>`),
    [`GET ${bucket}?requestPayment`]: () => ok(`<RequestPaymentConfiguration ${S3_XMLNS}><Payer>BucketOwner</Payer></RequestPaymentConfiguration>`),
    [`GET ${bucket}?logging`]: () => ok(`<BucketLoggingStatus ${S3_XMLNS}/>`),
    [`GET ${bucket}?lifecycle`]: () => s3Error(404, 'NoSuchLifecycleConfiguration'),
    [`GET ${bucket}?replication`]: () => s3Error(404, 'ReplicationConfigurationNotFoundError'),
    [`GET ${bucket}?encryption`]: () => ok(`<ServerSideEncryptionConfiguration ${S3_XMLNS}><Rule><ApplyServerSideEncryptionByDefault>` +
      '<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>'),
    [`GET ${bucket}?object-lock`]: () => s3Error(404, 'ObjectLockConfigurationNotFoundError'),
    [`GET ${bucket}?tagging`]: () => ok(`<Tagging ${S3_XMLNS}><TagSet><Tag><Key>copilot-application</Key><Value>hello</Value></Tag></TagSet></Tagging>`),
  };
}
