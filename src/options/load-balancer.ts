import type { WafOptions } from './waf';

/**
 * The Application Load Balancer in front of the services.
 */
export interface LoadBalancerOptions {
  /**
   * ARN of an ACM certificate in the environment's region. When set, the load balancer serves HTTPS
   * on 443 and redirects HTTP to HTTPS with a 301; otherwise it serves plain HTTP on 80.
   * @default - no certificate: plain HTTP
   */
  readonly certificateArn?: string;

  /**
   * Lets an environment of the PRODUCTION preset serve plain HTTP (no certificate, no domain). The
   * preset refuses that otherwise; the value states why it is acceptable, e.g. "TLS ends at the CDN in front".
   * @default - none: production needs HTTPS
   */
  readonly allowPlainHttp?: string;

  /**
   * More ACM certificates served by SNI, e.g. for services routed by other host names.
   * @default []
   */
  readonly additionalCertificateArns?: string[];

  /**
   * Answer plain HTTP with a 301 redirect to HTTPS. Only possible with a certificate.
   * @default - true when a certificate is set
   */
  readonly redirectHttpToHttps?: boolean;

  /**
   * IPv4 CIDR blocks allowed to reach the load balancer.
   * @default ["0.0.0.0/0"]
   */
  readonly allowedCidrs?: string[];

  /**
   * TLS policy of the HTTPS listener.
   * @default "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"
   */
  readonly sslPolicy?: string;

  /**
   * Protect the load balancer from deletion.
   * @default - false in development, true in production
   */
  readonly deletionProtection?: boolean;

  /**
   * Idle connection timeout, seconds (1 to 4000).
   * @default 60
   */
  readonly idleTimeoutSeconds?: number;

  /**
   * Port of the plain HTTP listener.
   * @default 80
   */
  readonly httpPort?: number;

  /**
   * Port of the HTTPS listener (with a certificate).
   * @default 443
   */
  readonly httpsPort?: number;

  /**
   * Write access logs to an S3 bucket (SSE-S3, public access blocked, TLS only, expiring after
   * `accessLogRetentionDays`).
   * @default true
   */
  readonly accessLogs?: boolean;

  /**
   * Days the access logs are kept.
   * @default 90
   */
  readonly accessLogRetentionDays?: number;

  /**
   * AWS WAF in front of the load balancer: AWS managed rules, a rate limit per IP, logs.
   * @default - on in production, off in development
   */
  readonly waf?: WafOptions;
}
