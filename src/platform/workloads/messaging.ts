import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Construct } from 'constructs';
import { toIdentifier } from '../contract/naming';
import { policyDocument } from '../contract/policies';
import type { WorkloadsConfig } from '../contract/workloads';
import type { AwsContext } from '../core/aws-context';
import type { TaskRoles } from '../service/task-roles';

/** Properties of {@link Messaging}. */
export interface MessagingProps {
  readonly aws: AwsContext;
  readonly config: WorkloadsConfig;
  /** Days the key stays recoverable after it is scheduled for deletion (the environment's setting). */
  readonly keyDeletionWindowDays: number;
}

/**
 * The messaging key of an environment's workloads and the SNS topics the services and workers
 * publish to, encrypted with it. SNS may use the key (to deliver to the encrypted queues) only for
 * this account's resources; everyone else goes through IAM.
 */
export class Messaging extends Construct {
  /** KMS key of the topics and of the queues without a key of their own. */
  public readonly key: KmsKey;
  /** Topics by name. */
  public readonly topics: Record<string, SnsTopic>;
  private readonly config: WorkloadsConfig;
  private readonly aws: AwsContext;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);
    const { aws, config } = props;
    this.aws = aws;
    this.config = config;
    this.key = new KmsKey(this, 'key', {
      description: `Encrypts the topics and queues of ${config.messagingKeyAlias.replace(/-messaging$/, '')}`,
      enableKeyRotation: true,
      deletionWindowInDays: props.keyDeletionWindowDays,
      policy: policyDocument([
        { Sid: 'AccountAdministersKeyThroughIam', Effect: 'Allow', Principal: { AWS: aws.accountRootArn }, Action: 'kms:*', Resource: '*' },
        {
          Sid: 'SnsDeliversToEncryptedQueues',
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': aws.accountId } },
        },
      ]),
    });
    new KmsAlias(this, 'alias', { name: `alias/${config.messagingKeyAlias}`, targetKeyId: this.key.keyId });
    this.topics = Object.fromEntries(config.topics.map((topic) => [topic.name, new SnsTopic(this, `topic_${toIdentifier(topic.name)}`, {
      name: topic.topicName,
      kmsMasterKeyId: this.key.arn,
    })]));
  }

  /** The variables of a publisher's container: `<TOPIC>_TOPIC_ARN` of each topic it publishes to. */
  public environmentOf(publisher: string): Record<string, string> {
    return Object.fromEntries(this.config.topics
      .filter((topic) => topic.publisher === publisher)
      .map((topic) => [topic.variable, this.topics[topic.name].arn]));
  }

  /** Lets a publisher's task role publish to exactly its topics (and encrypt for them through SNS only). */
  public grantPublish(scope: Construct, publisher: string, roles: TaskRoles): IamRolePolicy | undefined {
    const arns = this.config.topics.filter((topic) => topic.publisher === publisher).map((topic) => this.topics[topic.name].arn);
    if (arns.length === 0) {
      return undefined;
    }
    return new IamRolePolicy(scope, `publish_${toIdentifier(publisher)}`, {
      name: 'publish',
      role: roles.taskRole.id,
      policy: policyDocument([
        { Sid: 'PublishToOwnTopics', Effect: 'Allow', Action: 'sns:Publish', Resource: arns },
        {
          Sid: 'EncryptThroughSns',
          Effect: 'Allow',
          Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
          Resource: this.key.arn,
          Condition: { StringEquals: { 'kms:ViaService': `sns.${this.aws.region}.${this.aws.dnsSuffix}` } },
        },
      ]),
    });
  }
}
