import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import type { S3StateConfig } from '../contract/config';
import { policyDocument, PolicyStatement } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';

/** Properties of {@link StateEncryptionKey}. */
export interface StateEncryptionKeyProps {
  readonly aws: AwsContext;
  readonly state: S3StateConfig;
  /** Alias name without `alias/`. */
  readonly alias: string;
  /** Roots of the other accounts whose delivery roles use the state. */
  readonly otherAccountRoots: string[];
  /** The delivery roles of those accounts, by ARN. */
  readonly otherAccountRoles: string[];
}

/**
 * The customer managed key of the state bucket (yearly rotation). The account administers it
 * through IAM; the delivery roles of the other accounts may use it, through S3 in the bucket's
 * region only (their own policies narrow it to the bucket's encryption context).
 */
export class StateEncryptionKey extends Construct {
  /** The key. */
  public readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: StateEncryptionKeyProps) {
    super(scope, id);
    const statements: PolicyStatement[] = [
      { Sid: 'AccountAdministersKeyThroughIam', Effect: 'Allow', Principal: { AWS: props.aws.accountRootArn }, Action: 'kms:*', Resource: '*' },
    ];
    if (props.otherAccountRoles.length > 0) {
      statements.push({
        Sid: 'OtherAccountsDeliveryRolesUseKeyThroughS3',
        Effect: 'Allow',
        Principal: { AWS: props.otherAccountRoots },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: '*',
        Condition: {
          ArnEquals: { 'aws:PrincipalArn': props.otherAccountRoles },
          StringEquals: { 'kms:ViaService': `s3.${props.state.region}.amazonaws.com` },
        },
      });
    }
    this.key = new KmsKey(this, 'key', {
      description: `Encrypts the Terraform state in ${props.state.bucket}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policyDocument(statements),
    });
    new KmsAlias(this, 'alias', { name: `alias/${props.alias}`, targetKeyId: this.key.keyId });
  }
}
