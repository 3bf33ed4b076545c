import type { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import type { Lb } from '@cdktf/provider-aws/lib/lb';
import { Construct } from 'constructs';
import { AliasRecords } from './alias-records';
import { DnsCertificate } from './dns-certificate';
import { EnvironmentZone } from './environment-zone';
import type { EnvironmentConfig } from '../contract/config';
import type { DomainConfig } from '../contract/domain';
import type { AwsContext } from '../core/aws-context';

/** Properties of {@link EnvironmentDomain}. */
export interface EnvironmentDomainProps {
  readonly environment: EnvironmentConfig & { readonly domain: DomainConfig };
  /** The stack's providers: CloudFront's certificate is issued through its us-east-1 provider. */
  readonly aws: AwsContext;
}

/**
 * The DNS of an environment: its hosted zone, the load balancer's regional certificate and, with a
 * static site, CloudFront's certificate in us-east-1 (through the stack's us-east-1 provider), all
 * validated by DNS; then the alias records of the load balancer's and the site's host names.
 */
export class EnvironmentDomain extends Construct {
  public readonly zone: EnvironmentZone;
  /** The load balancer's certificate, in the environment's region. */
  public readonly loadBalancerCertificate: DnsCertificate;
  /** The static site's certificate in us-east-1; present with a static site. */
  public readonly staticSiteCertificate?: DnsCertificate;
  /** Alias records of the load balancer's host names, once added. */
  public loadBalancerRecords?: AliasRecords;
  /** Alias records of the static site's host names, once added. */
  public staticSiteRecords?: AliasRecords;

  private readonly config: DomainConfig;

  constructor(scope: Construct, id: string, props: EnvironmentDomainProps) {
    super(scope, id);
    const { environment } = props;
    this.config = environment.domain;
    this.zone = new EnvironmentZone(this, 'zone', { config: this.config, tags: environment.tags, region: environment.region });
    this.loadBalancerCertificate = new DnsCertificate(this, 'load_balancer_certificate', {
      config: this.config.loadBalancerCertificate,
      zoneId: this.zone.zoneId,
    });
    const site = this.config.staticSite;
    if (site !== undefined) {
      // CloudFront serves only certificates of us-east-1.
      this.staticSiteCertificate = new DnsCertificate(this, 'static_site_certificate', {
        config: site.certificate,
        zoneId: this.zone.zoneId,
        provider: props.aws.usEast1Provider,
      });
    }
  }

  /** A records (and AAAA for a dual-stack load balancer) of the domain and the services' host names. */
  public addLoadBalancerRecords(loadBalancer: Lb, dualStack: boolean): AliasRecords {
    this.loadBalancerRecords = new AliasRecords(this, 'load_balancer_records', {
      zoneId: this.zone.zoneId,
      hosts: this.config.loadBalancerHosts,
      target: { dnsName: loadBalancer.dnsName, zoneId: loadBalancer.zoneId, evaluateTargetHealth: true },
      ipv6: dualStack,
    });
    return this.loadBalancerRecords;
  }

  /** A and AAAA records of the static site's host names (the distribution serves IPv6). */
  public addStaticSiteRecords(distribution: CloudfrontDistribution): AliasRecords {
    this.staticSiteRecords = new AliasRecords(this, 'static_site_records', {
      zoneId: this.zone.zoneId,
      hosts: this.config.staticSite?.hosts ?? [],
      target: { dnsName: distribution.domainName, zoneId: distribution.hostedZoneId, evaluateTargetHealth: false },
      ipv6: true,
    });
    return this.staticSiteRecords;
  }
}
