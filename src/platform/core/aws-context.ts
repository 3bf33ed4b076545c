import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformLocal, TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../contract/config';
import { ACCOUNT_ID_VARIABLE } from '../contract/stack-interface';


export { ACCOUNT_ID_VARIABLE };


/** Options of {@link AwsArn}. */
export interface ArnOptions {
  /** Leave the region out, for global services such as IAM. */
  readonly global?: boolean;
}

/**
 * The AWS provider of a stack and what ARNs and policies need to know about its target:
 * partition, region and account id.
 *
 * The account id is written literally when the environment names its account. Otherwise it comes
 * from the `account_id` variable or, when that is left empty, from `aws_caller_identity`; the data
 * source has `count = 0` whenever the variable is set, so offline plans never call AWS.
 */
export class AwsContext extends Construct {
  /** The AWS provider every resource of the stack uses. */
  public readonly provider: AwsProvider;
  /** AWS partition, e.g. `aws`. */
  public readonly partition: string;
  /** Region of the stack's resources. */
  public readonly region: string;
  /** Account id: a literal, or a Terraform expression when the account is not configured. */
  public readonly accountId: string;
  /** Domain of the partition's service endpoints and principals, e.g. `amazonaws.com`. */
  public readonly dnsSuffix: string;
  /** The `account_id` variable; only declared when the environment names no account. */
  public readonly accountIdVariable?: TerraformVariable;
  /** The caller identity, read only when `account_id` is left empty. */
  public readonly callerIdentity?: DataAwsCallerIdentity;
  private readonly environment: EnvironmentConfig;
  private usEast1?: AwsProvider;

  constructor(scope: Construct, id: string, environment: EnvironmentConfig) {
    super(scope, id);
    this.environment = environment;
    this.partition = environment.partition;
    this.region = environment.region;
    this.dnsSuffix = environment.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
    this.provider = new AwsProvider(this, 'aws', providerConfig(environment, environment.region));

    if (environment.accountId !== undefined) {
      this.accountId = environment.accountId;
      return;
    }
    this.accountIdVariable = new TerraformVariable(this, 'account_id', {
      type: 'string',
      default: '',
      description: 'Target AWS account id; leave empty to use the account of the credentials.',
      validation: [
        {
          condition: `\${var.${ACCOUNT_ID_VARIABLE} == "" || can(regex("^[0-9]{12}$", var.${ACCOUNT_ID_VARIABLE}))}`,
          errorMessage: 'account_id must be empty or an AWS account id of 12 digits.',
        },
      ],
    });
    this.accountIdVariable.overrideLogicalId(ACCOUNT_ID_VARIABLE);
    // The expressions below name the variable and data source by their fixed logical ids because
    // cdktf cannot express a splat over a counted data source.
    this.callerIdentity = new DataAwsCallerIdentity(this, 'caller_identity', {
      count: Token.asNumber(`\${var.${ACCOUNT_ID_VARIABLE} == "" ? 1 : 0}`),
    });
    this.callerIdentity.overrideLogicalId('current');
    const accountId = new TerraformLocal(
      this,
      'resolved_account_id',
      `\${var.${ACCOUNT_ID_VARIABLE} != "" ? var.${ACCOUNT_ID_VARIABLE} : one(data.aws_caller_identity.current[*].account_id)}`,
    );
    accountId.overrideLogicalId('account_id');
    this.accountId = accountId.asString;
  }

  /**
   * The provider of us-east-1 (alias `us_east_1`), where CloudFront's certificates and web ACLs
   * live; declared on first use, once per stack.
   */
  public get usEast1Provider(): AwsProvider {
    this.usEast1 ??= new AwsProvider(this, 'aws_us_east_1', { ...providerConfig(this.environment, 'us-east-1'), alias: 'us_east_1' });
    return this.usEast1;
  }

  /** ARN of a resource of this stack's partition, region and account. */
  public arn(service: string, resource: string, options: ArnOptions = {}): string {
    return `arn:${this.partition}:${service}:${options.global ? '' : this.region}:${this.accountId}:${resource}`;
  }

  /** ARN of the account's root principal, the usual first statement of a key policy. */
  public get accountRootArn(): string {
    return this.arn('iam', 'root', { global: true });
  }

  /** ARN of a CloudWatch Logs log group of this stack's region and account. */
  public logGroupArn(logGroupName: string): string {
    return this.arn('logs', `log-group:${logGroupName}`);
  }

  /** Principal of an AWS service that is addressed by region, e.g. `logs.us-east-1.amazonaws.com`. */
  public regionalServicePrincipal(service: string): string {
    return `${service}.${this.region}.${this.dnsSuffix}`;
  }
}

/** The provider settings of an environment in a region: its default tags and, when configured, its account only. */
function providerConfig(environment: EnvironmentConfig, region: string) {
  return {
    region,
    defaultTags: [{ tags: { ...environment.tags } }],
    ...(environment.accountId !== undefined ? { allowedAccountIds: [environment.accountId] } : {}),
  };
}
