import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import { CloudfrontOriginAccessControl } from '@cdktf/provider-aws/lib/cloudfront-origin-access-control';
import { Construct } from 'constructs';
import type { StaticSiteConfig } from '../contract/config';
import { PrivateBucket } from '../core/private-bucket';

/** AWS managed CloudFront policies (their ids are the same in every account). */
const MANAGED_CACHE_POLICY_CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const MANAGED_RESPONSE_HEADERS_SECURITY_HEADERS = '67f7725c-6f97-4210-82d7-5512b31e9d03';
const S3_ORIGIN = 'site-bucket';

/** Properties of {@link StaticSite}. */
export interface StaticSiteProps {
  readonly config: StaticSiteConfig;
  /** Prefix of resource names, `<project>-<env>`. */
  readonly namePrefix: string;
}

/**
 * A static website: a private, versioned S3 bucket that only this CloudFront distribution can read
 * (origin access control, signed requests), served over HTTPS only with the managed security
 * headers, compression, HTTP/2 and HTTP/3. `deploy:<env>` and the pipeline publish it (`publish-site`).
 */
export class StaticSite extends Construct {
  /** The content bucket. */
  public readonly bucket: PrivateBucket;
  /** The origin access control CloudFront signs bucket requests with. */
  public readonly originAccessControl: CloudfrontOriginAccessControl;
  /** The distribution. */
  public readonly distribution: CloudfrontDistribution;

  constructor(scope: Construct, id: string, props: StaticSiteProps) {
    super(scope, id);
    const { config } = props;
    this.bucket = new PrivateBucket(this, 'bucket', { bucketPrefix: config.bucketPrefix, noncurrentVersionExpiryDays: 30 });
    const bucket = this.bucket.bucket;

    this.originAccessControl = new CloudfrontOriginAccessControl(this, 'origin_access_control', {
      name: `${props.namePrefix}-site`,
      description: `CloudFront reads the static site of ${props.namePrefix}`,
      originAccessControlOriginType: 's3',
      signingBehavior: 'always',
      signingProtocol: 'sigv4',
    });

    const rootPage = `/${config.defaultRootObject}`;
    this.distribution = new CloudfrontDistribution(this, 'distribution', {
      enabled: true,
      comment: `Static site of ${props.namePrefix}`,
      isIpv6Enabled: true,
      httpVersion: 'http2and3',
      priceClass: config.priceClass,
      defaultRootObject: config.defaultRootObject,
      aliases: config.domainNames,
      origin: [{ originId: S3_ORIGIN, domainName: bucket.bucketRegionalDomainName, originAccessControlId: this.originAccessControl.id }],
      defaultCacheBehavior: {
        targetOriginId: S3_ORIGIN,
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['GET', 'HEAD', 'OPTIONS'],
        cachedMethods: ['GET', 'HEAD'],
        compress: true,
        cachePolicyId: MANAGED_CACHE_POLICY_CACHING_OPTIMIZED,
        responseHeadersPolicyId: MANAGED_RESPONSE_HEADERS_SECURITY_HEADERS,
      },
      // Client-side routes are not objects: S3 answers 403 (no list permission) or 404 for them.
      customErrorResponse: config.singlePageApp
        ? [403, 404].map((errorCode) => ({ errorCode, responseCode: 200, responsePagePath: rootPage, errorCachingMinTtl: 10 }))
        : [],
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      viewerCertificate: config.certificateArn !== undefined
        ? { acmCertificateArn: config.certificateArn, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' }
        : { cloudfrontDefaultCertificate: true },
    });

    this.bucket.addToPolicy({
      Sid: 'CloudFrontReadsSite',
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: `${bucket.arn}/*`,
      Condition: { StringEquals: { 'AWS:SourceArn': this.distribution.arn } },
    });
  }
}
