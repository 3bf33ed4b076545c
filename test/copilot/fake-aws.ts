import { createServer, IncomingMessage, Server } from 'http';
import type { AddressInfo } from 'net';

/** Answers of the fake, by `X-Amz-Target` (the JSON 1.1 protocol of ECR and CloudWatch Logs). */
export type FakeAnswers = Record<string, (request: Record<string, any>) => unknown>;

/** A local stand-in for the AWS JSON APIs the provider calls to read imported resources. */
export class FakeAws {
  /** Every call received, as `<target>`. */
  public readonly calls: string[] = [];
  private server?: Server;

  constructor(private readonly answers: FakeAnswers) {}

  /** Starts listening on a free local port; returns the endpoint URL. */
  public async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void readBody(request).then((body) => {
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

/** What Copilot left in the account: the ECR repository and the log group of `hello`'s `web` service in `dev`. */
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
  return {
    'AmazonEC2ContainerRegistry_V20150921.DescribeRepositories': () => ({ repositories: [repository] }),
    'AmazonEC2ContainerRegistry_V20150921.ListTagsForResource': () => ({ tags: [{ Key: 'copilot-application', Value: 'hello' }] }),
    'Logs_20140328.DescribeLogGroups': () => ({ logGroups: [logGroup] }),
    'Logs_20140328.ListTagsForResource': () => ({ tags: { 'copilot-application': 'hello' } }),
    'Logs_20140328.ListTagsLogGroup': () => ({ tags: { 'copilot-application': 'hello' } }),
  };
}
