import type { WafOptions } from './waf';

/**
 * CloudFront price class of the static site: which edge locations serve it.
 */
export enum PriceClass {
  /** North America and Europe. */
  PRICE_CLASS_100 = 'PriceClass_100',
  /** Adds Asia, the Middle East and Africa. */
  PRICE_CLASS_200 = 'PriceClass_200',
  /** Every edge location. */
  PRICE_CLASS_ALL = 'PriceClass_All',
}

/**
 * A static website (for example a single-page frontend) in a private S3 bucket, served by
 * CloudFront through origin access control.
 */
export interface StaticSiteOptions {
  /**
   * CloudFront price class.
   * @default - PriceClass.PRICE_CLASS_100
   */
  readonly priceClass?: PriceClass;

  /**
   * Object served for "/".
   * @default "index.html"
   */
  readonly defaultRootObject?: string;

  /**
   * Serve the root object with status 200 for unknown paths (client-side routing).
   * @default true
   */
  readonly singlePageApp?: boolean;

  /**
   * Host name of the site relative to the environment's domain, with `domain`: `www` serves
   * `www.dev.example.com`, with a DNS-validated certificate in us-east-1 and alias records.
   * @default "www"
   */
  readonly hostname?: string;

  /**
   * Alternate domain names of the distribution; requires `certificateArn`.
   * @default []
   */
  readonly domainNames?: string[];

  /**
   * ACM certificate in us-east-1 for the domain names.
   * @default - the cloudfront.net certificate
   */
  readonly certificateArn?: string;

  /**
   * Directory, relative to the repository root, that `deploy:<env>` (and the pipeline) uploads to
   * the bucket after running `buildCommand`: new and changed files with their content type and
   * cache headers, files no longer there deleted, then a CloudFront invalidation.
   * @default "site"
   */
  readonly sourceDirectory?: string;

  /**
   * Shell command run in the repository root before the upload, e.g. "npm ci --prefix web && npm run build --prefix web".
   * @default - none: the directory is uploaded as it is
   */
  readonly buildCommand?: string;

  /**
   * AWS WAF in front of the CloudFront distribution (a global web ACL in us-east-1).
   * @default - on in production, off in development
   */
  readonly waf?: WafOptions;
}
