import { Construct } from 'constructs';
import type { AccessLogsConfig } from '../contract/config';
import type { AwsContext } from '../core/aws-context';
import { PrivateBucket } from '../core/private-bucket';

/**
 * Accounts of Elastic Load Balancing that deliver access logs in the regions opened before
 * August 2022; newer regions deliver as the `logdelivery.elasticloadbalancing.amazonaws.com` service.
 */
const ELB_LOG_DELIVERY_ACCOUNTS: Readonly<Record<string, string>> = {
  'us-east-1': '127311923021',
  'us-east-2': '033677994240',
  'us-west-1': '027434742980',
  'us-west-2': '797873946194',
  'af-south-1': '098369216593',
  'ap-east-1': '754344448648',
  'ap-southeast-3': '589379963580',
  'ap-south-1': '718504428378',
  'ap-northeast-3': '383597477331',
  'ap-northeast-2': '600734575887',
  'ap-southeast-1': '114774131450',
  'ap-southeast-2': '783225319266',
  'ap-northeast-1': '582318560864',
  'ca-central-1': '985666609251',
  'eu-central-1': '054676820928',
  'eu-west-1': '156460612806',
  'eu-west-2': '652711504416',
  'eu-south-1': '635631232127',
  'eu-west-3': '009996457667',
  'eu-north-1': '897822967062',
  'me-south-1': '076674570225',
  'sa-east-1': '507241528517',
  'us-gov-west-1': '048591011584',
  'us-gov-east-1': '190560391635',
  'cn-north-1': '638102146993',
  'cn-northwest-1': '037604701340',
};

/** Properties of {@link LoadBalancerAccessLogs}. */
export interface LoadBalancerAccessLogsProps {
  readonly aws: AwsContext;
  readonly config: AccessLogsConfig;
}

/**
 * The bucket receiving a load balancer's access logs: private, SSE-S3 encrypted (ALB log delivery
 * supports no KMS key), TLS only, expiring, and writable by the region's log delivery principal
 * under this account's prefix only.
 */
export class LoadBalancerAccessLogs extends Construct {
  /** The bucket. */
  public readonly bucket: PrivateBucket;

  constructor(scope: Construct, id: string, props: LoadBalancerAccessLogsProps) {
    super(scope, id);
    const { aws } = props;
    const deliveryAccount = ELB_LOG_DELIVERY_ACCOUNTS[aws.region];
    this.bucket = new PrivateBucket(this, 'bucket', {
      bucketPrefix: props.config.bucketPrefix,
      expiryDays: props.config.retentionDays,
      noncurrentVersionExpiryDays: 1,
      forceDestroy: props.config.forceDestroy,
    });
    this.bucket.addToPolicy({
      Sid: 'ElasticLoadBalancingWritesAccessLogs',
      Effect: 'Allow',
      Principal: deliveryAccount !== undefined
        ? { AWS: `arn:${aws.partition}:iam::${deliveryAccount}:root` }
        : { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${this.bucket.bucket.arn}/AWSLogs/${aws.accountId}/*`,
    });
  }
}
