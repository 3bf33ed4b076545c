import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryptionConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA as S3BucketVersioning } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { policyDocument, PolicyStatement } from '../contract/policies';

/** Properties of {@link PrivateBucket}. */
export interface PrivateBucketProps {
  /** Exact bucket name; use `bucketPrefix` for a generated unique one. */
  readonly bucket?: string;
  /** Prefix of a generated unique bucket name. */
  readonly bucketPrefix?: string;
  /** `bucket` exists already: a Terraform `import` block adopts it, and its settings are applied to it. @default false */
  readonly adopted?: boolean;
  /** KMS key encrypting the objects; S3-managed keys when unset. */
  readonly kmsKeyArn?: string;
  /** Days after which noncurrent object versions expire. */
  readonly noncurrentVersionExpiryDays: number;
  /** Days after which current objects expire; never when unset. */
  readonly expiryDays?: number;
  /** Protect the bucket from `terraform destroy` (state buckets). */
  readonly preventDestroy?: boolean;
  /** Let `terraform destroy` delete the bucket with its objects. @default false */
  readonly forceDestroy?: boolean;
}

/**
 * An S3 bucket that is private and kept: versioned, encrypted by default, public access blocked,
 * ACLs disabled (bucket owner enforced), TLS-only, incomplete uploads and old versions cleaned up.
 * Grants to other principals are added with {@link addToPolicy}.
 */
export class PrivateBucket extends Construct {
  /** The bucket. */
  public readonly bucket: S3Bucket;
  /** Its public access block. */
  public readonly publicAccessBlock: S3BucketPublicAccessBlock;
  /** Its versioning. */
  public readonly versioning: S3BucketVersioning;
  /** Its default encryption. */
  public readonly encryption: S3BucketServerSideEncryptionConfiguration;
  /** Its policy: TLS only, plus what {@link addToPolicy} adds. */
  public readonly policy: S3BucketPolicy;
  private readonly grants: PolicyStatement[] = [];

  constructor(scope: Construct, id: string, props: PrivateBucketProps) {
    super(scope, id);
    this.bucket = bucketOf(this, props);
    this.publicAccessBlock = new S3BucketPublicAccessBlock(this, 'public_access_block', {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership_controls', { bucket: this.bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    this.versioning = new S3BucketVersioning(this, 'versioning', {
      bucket: this.bucket.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    this.encryption = new S3BucketServerSideEncryptionConfiguration(this, 'encryption', {
      bucket: this.bucket.id,
      rule: [{
        applyServerSideEncryptionByDefault: props.kmsKeyArn !== undefined
          ? { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn }
          : { sseAlgorithm: 'AES256' },
        bucketKeyEnabled: props.kmsKeyArn !== undefined,
      }],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket: this.bucket.id,
      rule: [{
        id: 'clean-up',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionExpiryDays }],
        ...(props.expiryDays !== undefined ? { expiration: [{ days: props.expiryDays }] } : {}),
      }],
      dependsOn: [this.versioning],
    });
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket: this.bucket.id,
      policy: Lazy.stringValue({
        produce: () => policyDocument([
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Resource: [this.bucket.arn, `${this.bucket.arn}/*`],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
          ...this.grants,
        ]),
      }),
      // A bucket policy cannot be added while public access blocking is still being configured.
      dependsOn: [this.publicAccessBlock],
    });
  }

  /** Adds statements to the bucket policy, e.g. a grant to a delivering AWS service. */
  public addToPolicy(...statements: PolicyStatement[]): void {
    this.grants.push(...statements);
  }
}

/** The bucket itself, named or prefixed, imported when it is adopted. */
function bucketOf(scope: Construct, props: PrivateBucketProps): S3Bucket {
  const bucket = new S3Bucket(scope, 'bucket', {
    ...(props.bucket !== undefined ? { bucket: props.bucket } : { bucketPrefix: props.bucketPrefix }),
    ...(props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
    ...(props.forceDestroy ? { forceDestroy: true } : {}),
  });
  if (props.adopted && props.bucket !== undefined) {
    bucket.importFrom(props.bucket);
  }
  return bucket;
}
