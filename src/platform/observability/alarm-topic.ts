import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import type { CreatedAlarmTopicConfig } from '../contract/observability-config';
import { policyDocument } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';

/** Properties of {@link AlarmTopic}. */
export interface AlarmTopicProps {
  /** Provider, partition, region and account of the stack. */
  readonly aws: AwsContext;
  readonly config: CreatedAlarmTopicConfig;
  /** Days the key stays recoverable after it is scheduled for deletion (the environment's setting). */
  readonly keyDeletionWindowDays: number;
}

/**
 * The SNS topic every alarm of an environment notifies, encrypted with a KMS key of its own whose
 * policy lets CloudWatch (alarms) publish, with the e-mail and HTTPS subscriptions of the options.
 */
export class AlarmTopic extends Construct {
  /** The topic's key (yearly rotation). */
  public readonly key: KmsKey;
  /** Its alias, `alias/<topic name>`. */
  public readonly alias: KmsAlias;
  /** The topic. */
  public readonly topic: SnsTopic;
  /** The subscriptions, in option order (e-mails first). */
  public readonly subscriptions: SnsTopicSubscription[];

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    const { aws, config } = props;
    this.key = new KmsKey(this, 'key', {
      description: `Encrypts the alarm notifications of topic ${config.name}`,
      enableKeyRotation: true,
      deletionWindowInDays: props.keyDeletionWindowDays,
      policy: policyDocument([
        { Sid: 'AccountAdministersKeyThroughIam', Effect: 'Allow', Principal: { AWS: aws.accountRootArn }, Action: 'kms:*', Resource: '*' },
        {
          // CloudWatch publishes alarm state changes to the encrypted topic with this key.
          Sid: 'CloudWatchAlarmsPublish',
          Effect: 'Allow',
          Principal: { Service: `cloudwatch.${aws.dnsSuffix}` },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
        },
      ]),
    });
    this.alias = new KmsAlias(this, 'alias', { name: `alias/${config.keyAlias}`, targetKeyId: this.key.keyId });
    this.topic = new SnsTopic(this, 'topic', { name: config.name, kmsMasterKeyId: this.key.arn });
    this.subscriptions = config.subscriptions.map((subscription, index) => new SnsTopicSubscription(this, `subscription_${index}`, {
      topicArn: this.topic.arn,
      protocol: subscription.protocol,
      endpoint: subscription.endpoint,
    }));
  }
}
