import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { AwsContext } from './aws-context';
import { policyDocument } from '../contract/policies';

/** Properties of {@link LogEncryptionKey}. */
export interface LogEncryptionKeyProps {
  /** Provider, partition, region and account of the stack. */
  readonly aws: AwsContext;
  /** Key description shown in the KMS console. */
  readonly description: string;
  /**
   * ARNs (wildcards allowed) of the log groups CloudWatch Logs may encrypt with the key. They are
   * built from names, not from the log group resources, which themselves depend on the key.
   */
  readonly logGroupArns: string[];
  /** Alias name without the `alias/` prefix; no alias when unset. */
  readonly alias?: string;
  /** Days the key stays recoverable after it is scheduled for deletion (the environment's setting). */
  readonly deletionWindowDays: number;
  /** Provider and region of the key, when not the stack's own (us-east-1 for CloudFront's logs). */
  readonly placement?: { readonly provider: TerraformProvider; readonly region: string };
}

/**
 * A customer-managed KMS key with yearly rotation that the account administers through IAM and
 * CloudWatch Logs may use only for the given log groups (encryption-context condition).
 */
export class LogEncryptionKey extends Construct {
  /** The key. */
  public readonly key: KmsKey;
  /** The alias, when one was asked for. */
  public readonly alias?: KmsAlias;

  constructor(scope: Construct, id: string, props: LogEncryptionKeyProps) {
    super(scope, id);
    const { aws } = props;
    const provider = props.placement?.provider;
    const logsPrincipal = props.placement ? `logs.${props.placement.region}.${aws.dnsSuffix}` : aws.regionalServicePrincipal('logs');
    this.key = new KmsKey(this, 'key', {
      provider,
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays,
      policy: policyDocument([
        {
          Sid: 'AccountAdministersKeyThroughIam',
          Effect: 'Allow',
          Principal: { AWS: aws.accountRootArn },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'CloudWatchLogsEncryptsTheseLogGroups',
          Effect: 'Allow',
          Principal: { Service: logsPrincipal },
          Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
          Resource: '*',
          Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': props.logGroupArns } },
        },
      ]),
    });
    if (props.alias !== undefined) {
      this.alias = new KmsAlias(this, 'alias', { provider, name: `alias/${props.alias}`, targetKeyId: this.key.keyId });
    }
  }
}
