import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { OperationError } from './errors';

/**
 * The AWS SDK clients of one environment's region, created on first use. Credentials come from the
 * SDK's default chain (environment, profile, SSO, web identity in CI); `AWS_ENDPOINT_URL` is honored.
 */
export class AwsClients {
  private readonly cache = new Map<string, unknown>();

  constructor(public readonly region: string) {}

  /** Amazon ECS. */
  public get ecs(): ECSClient {
    return this.client('ecs', () => new ECSClient({ region: this.region }));
  }

  /** Amazon ECR. */
  public get ecr(): ECRClient {
    return this.client('ecr', () => new ECRClient({ region: this.region }));
  }

  /** CloudWatch Logs. */
  public get logs(): CloudWatchLogsClient {
    return this.client('logs', () => new CloudWatchLogsClient({ region: this.region }));
  }

  /** Elastic Load Balancing v2. */
  public get elb(): ElasticLoadBalancingV2Client {
    return this.client('elb', () => new ElasticLoadBalancingV2Client({ region: this.region }));
  }

  /** CodeDeploy. */
  public get codeDeploy(): CodeDeployClient {
    return this.client('codedeploy', () => new CodeDeployClient({ region: this.region }));
  }

  /** Amazon S3. */
  public get s3(): S3Client {
    return this.client('s3', () => new S3Client({ region: this.region }));
  }

  /** Amazon CloudFront (a global service: the SDK resolves its one endpoint). */
  public get cloudFront(): CloudFrontClient {
    return this.client('cloudfront', () => new CloudFrontClient({ region: this.region }));
  }

  /** AWS STS. */
  public get sts(): STSClient {
    return this.client('sts', () => new STSClient({ region: this.region }));
  }

  /**
   * The account the credentials belong to.
   * @param expected the environment's account: a different one is an error, not a deploy elsewhere
   */
  public async accountId(expected?: string): Promise<string> {
    const identity = await this.sts.send(new GetCallerIdentityCommand({}));
    const account = identity.Account ?? '';
    if (expected !== undefined && account !== expected) {
      throw new OperationError(`the AWS credentials are for account ${account} (${identity.Arn}), but this environment is in account ${expected}: use credentials of ${expected}`);
    }
    return account;
  }

  private client<T>(key: string, create: () => T): T {
    if (!this.cache.has(key)) {
      this.cache.set(key, create());
    }
    return this.cache.get(key) as T;
  }
}
