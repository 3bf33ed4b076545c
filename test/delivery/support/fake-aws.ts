import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { AwsError, HANDLER_FAILURE_CODE, UNHANDLED_OPERATION_CODE } from './fake-aws/aws-error';
import { defaultHandlers, RegisteredImage } from './fake-aws/default-handlers';
import { parseJsonTarget, renderJsonError, renderJsonResult } from './fake-aws/json-protocol';
import { parseQueryBody, QUERY_SERVICES, renderQueryError, renderQueryResult } from './fake-aws/query-protocol';

export { AwsError, awsError } from './fake-aws/aws-error';
export type { RegisteredImage } from './fake-aws/default-handlers';

/** One request the fake received. */
export interface AwsCall {
  /** `ECS`, `ECR`, `CloudWatchLogs`, `CodeDeploy`, `STS` or `ELBv2`. */
  readonly service: string;
  /** e.g. `UpdateService`. */
  readonly operation: string;
  /** The request parameters: the JSON body, or the parsed query form (values as strings). */
  readonly params: Record<string, any>;
  /** Region of the request's signature. */
  readonly region: string;
  /** How the fake answered: `ok`, or the error code. */
  readonly answer: string;
}

/** What a handler gets besides the parameters. */
export interface HandlerContext {
  /** Every call so far, this one last. */
  readonly calls: readonly AwsCall[];
  readonly region: string;
  readonly accountId: string;
  /** Images registered with {@link FakeAws.registerImage}. */
  readonly images: readonly RegisteredImage[];
}

/**
 * Answers one operation: returns the result (dates as `Date`) or throws an {@link AwsError}.
 * Params and results are loosely typed on purpose: handlers read what the test cares about.
 */
export type AwsHandler = (params: Record<string, any>, context: HandlerContext) => unknown;

/** Options of {@link FakeAws.start}. */
export interface FakeAwsOptions {
  /** Account `STS.GetCallerIdentity` and ECR answer with. @default "123456789012" */
  readonly accountId?: string;
}

/**
 * A local HTTP server standing in for AWS, reached by the AWS SDK v3 through
 * `AWS_ENDPOINT_URL`: ECS, ECR, CloudWatch Logs and CodeDeploy over JSON 1.1, STS and ELBv2 over
 * the query protocol. Records every call and answers from handlers registered per
 * `Service.Operation`, with defaults for `STS.GetCallerIdentity`, `ECR.GetAuthorizationToken` and
 * `ECR.DescribeImages`. An operation without a handler gets a `FakeAwsUnhandledOperation` error and
 * is listed by {@link FakeAws.unhandledCalls}.
 *
 * @example
 *   const aws = await FakeAws.start();
 *   aws.on('ECS.DescribeServices', () => ({ services: [{ serviceName: 'web', runningCount: 2 }] }));
 *   runJob({ ..., env: { ...aws.env(), PATH: ... } });
 *   expect(aws.callsTo('ECS.UpdateService')[0].params.forceNewDeployment).toBe(true);
 *   await aws.stop();
 */
export class FakeAws {
  /**
   * Starts a fake on a random port of 127.0.0.1.
   */
  public static async start(options: FakeAwsOptions = {}): Promise<FakeAws> {
    const fake = new FakeAws(options.accountId ?? '123456789012');
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  /** Every call, in order. */
  public readonly calls: AwsCall[] = [];
  /** The account the fake answers for. */
  public readonly accountId: string;
  private readonly handlers = new Map<string, AwsHandler>();
  private readonly images: RegisteredImage[] = [];
  private readonly server: Server;

  private constructor(accountId: string) {
    this.accountId = accountId;
    for (const [operation, handler] of Object.entries(defaultHandlers())) {
      this.handlers.set(operation, handler);
    }
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
  }

  /** `http://127.0.0.1:<port>`. */
  public get endpoint(): string {
    const address = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /**
   * Variables that point the SDK v3 at the fake: `AWS_ENDPOINT_URL` (which every client honours,
   * STS and ELBv2 included), dummy credentials, no instance metadata, and the region.
   */
  public env(region = 'us-east-1'): Record<string, string> {
    return {
      AWS_ENDPOINT_URL: this.endpoint,
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_ACCESS_KEY_ID: 'AKIAFAKEAWSENDPOINT0',
      AWS_SECRET_ACCESS_KEY: 'fake-aws-endpoint-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
  }

  /** Registers (or replaces) the handler of `Service.Operation`, e.g. `ECS.UpdateService`. */
  public on(operation: string, handler: AwsHandler): this {
    if (!/^[A-Za-z0-9]+\.[A-Za-z0-9]+$/.test(operation)) {
      throw new Error(`FakeAws.on expects Service.Operation (e.g. ECS.UpdateService), not "${operation}"`);
    }
    this.handlers.set(operation, handler);
    return this;
  }

  /** Makes `ECR.DescribeImages` find `repositoryName:tag`. */
  public registerImage(repositoryName: string, imageTag: string, imageDigest?: string): this {
    this.images.push({ repositoryName, imageTag, imageDigest: imageDigest ?? `sha256:${Buffer.from(`${repositoryName}:${imageTag}`).toString('hex').padEnd(64, '0').slice(0, 64)}` });
    return this;
  }

  /** Calls of one operation (`Service.Operation`), in order. */
  public callsTo(operation: string): AwsCall[] {
    return this.calls.filter((call) => `${call.service}.${call.operation}` === operation);
  }

  /** `Service.Operation` of every call, in order: handy for `toEqual([...])`. */
  public operations(): string[] {
    return this.calls.map((call) => `${call.service}.${call.operation}`);
  }

  /** Calls no handler answered. */
  public unhandledCalls(): AwsCall[] {
    return this.calls.filter((call) => call.answer === UNHANDLED_OPERATION_CODE || call.answer === HANDLER_FAILURE_CODE);
  }

  /** @throws listing the calls no handler answered (or whose handler crashed) */
  public assertAllHandled(): void {
    const unhandled = this.unhandledCalls();
    if (unhandled.length > 0) {
      throw new Error(`Fake AWS could not answer: ${unhandled.map((call) => `${call.service}.${call.operation} (${call.answer})`).join(', ')}`);
    }
  }

  /** Stops the server. */
  public async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks).toString('utf-8');
    const region = /Credential=[^/]+\/[^/]+\/([^/]+)\/([^/]+)\//.exec(String(request.headers.authorization ?? ''));
    const signingRegion = region?.[1] ?? 'us-east-1';
    const target = request.headers['x-amz-target'];
    let answer;
    if (typeof target === 'string') {
      const parsed = parseJsonTarget(target);
      answer = parsed === undefined
        ? renderJsonError(new AwsError(UNHANDLED_OPERATION_CODE, `Fake AWS speaks no JSON service with target ${target}`))
        : this.answer(parsed.service, parsed.operation, body === '' ? {} : JSON.parse(body) as Record<string, unknown>, signingRegion, renderJsonResult, renderJsonError);
    } else {
      const query = QUERY_SERVICES[region?.[2] ?? ''];
      const { action, params } = parseQueryBody(body);
      answer = query === undefined
        ? renderQueryError('', new AwsError(UNHANDLED_OPERATION_CODE, `Fake AWS speaks no query service signed as ${region?.[2]} (action ${action})`))
        : this.answer(query.service, action, params, signingRegion,
          (result) => renderQueryResult(action, query.namespace, result), (error) => renderQueryError(query.namespace, error));
    }
    response.writeHead(answer.status, { ...answer.headers, 'x-amzn-requestid': 'fake-request-id' });
    response.end(answer.body);
  }

  private answer<T>(service: string, operation: string, params: Record<string, unknown>, region: string,
    renderResult: (result: unknown) => T, renderError: (error: AwsError) => T): T {
    const key = `${service}.${operation}`;
    const handler = this.handlers.get(key);
    const record = (answer: string) => this.calls.push({ service, operation, params, region, answer });
    if (handler === undefined) {
      record(UNHANDLED_OPERATION_CODE);
      return renderError(new AwsError(UNHANDLED_OPERATION_CODE, `No fake AWS handler for ${key}; register one with fakeAws.on('${key}', …)`));
    }
    const index = this.calls.length;
    record('ok');
    try {
      const result = handler(params, { calls: this.calls, region, accountId: this.accountId, images: this.images });
      return renderResult(result);
    } catch (error) {
      const awsFailure = error instanceof AwsError
        ? error
        : new AwsError(HANDLER_FAILURE_CODE, `The fake handler of ${key} threw: ${error instanceof Error ? error.message : String(error)}`);
      this.calls[index] = { ...this.calls[index], answer: awsFailure.code };
      return renderError(awsFailure);
    }
  }
}
