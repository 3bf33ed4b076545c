import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import { Construct } from 'constructs';
import { WebAcl } from './web-acl';
import type { ManagedWebAclConfig, WebAclConfig } from '../contract/observability-config';
import type { AwsContext } from '../core/aws-context';
import { LogEncryptionKey } from '../core/log-encryption-key';

/** CloudFront's web ACLs, and their logs, live in us-east-1. */
const CLOUDFRONT_REGION = 'us-east-1';

/** Properties of {@link DistributionWebAcl}. */
export interface DistributionWebAclProps {
  /** Provider, partition, region and account of the stack. */
  readonly aws: AwsContext;
  readonly config: WebAclConfig;
  /** The distribution to protect; its `web_acl_id` is set to the web ACL's ARN. */
  readonly distribution: CloudfrontDistribution;
  /** Days the log key stays recoverable after it is scheduled for deletion (the environment's setting). */
  readonly keyDeletionWindowDays: number;
}

/**
 * The static site's web ACL: a CLOUDFRONT-scope web ACL in us-east-1 (through the stack's
 * us-east-1 provider), logging to a log group there encrypted with a key of its own (keys are
 * regional), or an existing global web ACL; attached through the distribution's `web_acl_id`.
 */
export class DistributionWebAcl extends Construct {
  /** The created web ACL; unset with an existing one. */
  public readonly webAcl?: WebAcl;
  /** The key of the created web ACL's log group. */
  public readonly logKey?: LogEncryptionKey;

  constructor(scope: Construct, id: string, props: DistributionWebAclProps) {
    super(scope, id);
    const { config } = props;
    if (config.kind === 'existing') {
      props.distribution.webAclId = config.arn;
      return;
    }
    this.logKey = this.createLogKey(props.aws, config, props.keyDeletionWindowDays);
    this.webAcl = new WebAcl(this, 'web_acl', {
      config,
      scope: 'CLOUDFRONT',
      kmsKeyArn: this.logKey.key.arn,
      provider: props.aws.usEast1Provider,
    });
    props.distribution.webAclId = this.webAcl.webAcl.arn;
  }

  private createLogKey(aws: AwsContext, config: ManagedWebAclConfig, deletionWindowDays: number): LogEncryptionKey {
    const logGroupArn = `arn:${aws.partition}:logs:${CLOUDFRONT_REGION}:${aws.accountId}:log-group:${config.logGroupName}`;
    return new LogEncryptionKey(this, 'log_key', {
      aws,
      description: `Encrypts the CloudFront web ACL logs of ${config.name}`,
      logGroupArns: [logGroupArn],
      placement: { provider: aws.usEast1Provider, region: CLOUDFRONT_REGION },
      deletionWindowDays,
    });
  }
}
