import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Construct } from 'constructs';

/** What alias records point at: a load balancer or a CloudFront distribution. */
export interface AliasTarget {
  readonly dnsName: string;
  /** Hosted zone id of the target's DNS name (the load balancer's `zone_id`, CloudFront's `hosted_zone_id`). */
  readonly zoneId: string;
  /** Route 53 answers only while the target is healthy (load balancers). */
  readonly evaluateTargetHealth: boolean;
}

/** Properties of {@link AliasRecords}. */
export interface AliasRecordsProps {
  readonly zoneId: string;
  readonly hosts: string[];
  readonly target: AliasTarget;
  /** Also AAAA records: only for dual-stack targets, as an AAAA alias to an IPv4-only target answers nothing. */
  readonly ipv6: boolean;
}

/** Alias A (and AAAA) records of host names to one target. */
export class AliasRecords extends Construct {
  /** Records by `<type>:<host>`. */
  public readonly records: Record<string, Route53Record>;

  constructor(scope: Construct, id: string, props: AliasRecordsProps) {
    super(scope, id);
    const types = props.ipv6 ? ['A', 'AAAA'] : ['A'];
    this.records = Object.fromEntries(props.hosts.flatMap((host, i) => types.map((type) => [`${type}:${host}`, new Route53Record(this, `${type.toLowerCase()}_${i}`, {
      zoneId: props.zoneId,
      name: host,
      type,
      alias: { name: props.target.dnsName, zoneId: props.target.zoneId, evaluateTargetHealth: props.target.evaluateTargetHealth },
    })])));
  }
}
