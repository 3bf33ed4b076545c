import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryptionConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA as S3BucketVersioning } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { policyDocument, PolicyStatement } from './policies';

/** Properties of {@link PrivateBucket}. */
export interface PrivateBucketProps {
  /** Prefix of the bucket name; Terraform appends a unique suffix. */
  readonly bucketPrefix: string;
  /** Days after which objects expire. */
  readonly expireAfterDays?: number;
  /** Keep object versions. */
  readonly versioned?: boolean;
}

/**
 * An S3 bucket nobody outside the account reaches unless a statement says so: all public access
 * blocked, ACLs disabled (bucket owner enforced), SSE-S3 encryption, TLS-only access, and optional
 * versioning and expiry.
 */
export class PrivateBucket extends Construct {
  /** The bucket. */
  public readonly bucket: S3Bucket;
  /** Its policy: deny plain HTTP, plus what {@link addToPolicy} adds. */
  public readonly policy: S3BucketPolicy;
  private readonly grants: PolicyStatement[] = [];

  constructor(scope: Construct, id: string, props: PrivateBucketProps) {
    super(scope, id);
    this.bucket = new S3Bucket(this, 'bucket', { bucketPrefix: props.bucketPrefix });
    const bucket = this.bucket.id;
    const publicAccessBlock = new S3BucketPublicAccessBlock(this, 'public_access_block', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership_controls', { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    // SSE-S3 rather than a KMS key: ALB access logs and CloudFront origins read with SSE-S3 without key grants.
    new S3BucketServerSideEncryptionConfiguration(this, 'encryption', {
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
    });
    if (props.versioned) {
      new S3BucketVersioning(this, 'versioning', { bucket, versioningConfiguration: { status: 'Enabled' } });
    }
    if (props.expireAfterDays !== undefined) {
      new S3BucketLifecycleConfiguration(this, 'lifecycle', {
        bucket,
        rule: [{
          id: 'expire',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          expiration: [{ days: props.expireAfterDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.expireAfterDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        }],
      });
    }
    const bucketArn = this.bucket.arn;
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: Lazy.stringValue({
        produce: () => policyDocument([
          {
            Sid: 'DenyPlainHttp',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Resource: [bucketArn, `${bucketArn}/*`],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
          ...this.grants,
        ]),
      }),
      // A policy naming other principals is only accepted once public access is blocked.
      dependsOn: [publicAccessBlock],
    });
  }

  /** Adds statements to the bucket policy, e.g. a grant to a delivering AWS service. */
  public addToPolicy(...statements: PolicyStatement[]): void {
    this.grants.push(...statements);
  }
}
