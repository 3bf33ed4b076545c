import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../contract/config';
import type { DomainConfig } from '../contract/domain';

/** TTL of the NS delegation records, the value Route 53 gives a zone's own NS record. */
const DELEGATION_TTL_SECONDS = 172800;

/** Properties of {@link EnvironmentZone}. */
export interface EnvironmentZoneProps {
  readonly config: DomainConfig;
  /** Tags of the environment, for the delegation provider (the stack's provider carries them already). */
  readonly tags: EnvironmentConfig['tags'];
  /** Region of the delegation provider (Route 53 is global; the provider still needs one). */
  readonly region: string;
}

/**
 * The hosted zone an environment writes its records into: an existing zone (the environment serves
 * its apex), a zone created here (its name servers go to the registrar), or the environment's own
 * subdomain zone, created in the environment's account and delegated from the parent zone by NS
 * records written with the stack's provider or, for a parent zone in another account, through the
 * delegation role. A subdomain zone of its own keeps environments apart: dev's deploy role never
 * writes records of production.
 */
export class EnvironmentZone extends Construct {
  /** Id of the zone the records go into. */
  public readonly zoneId: string;
  /** The zone, when created here. */
  public readonly zone?: Route53Zone;
  /** The NS record in the parent zone, for a subdomain. */
  public readonly delegation?: Route53Record;
  /** Provider assuming the delegation role, for a parent zone in another account. */
  public readonly delegationProvider?: AwsProvider;

  constructor(scope: Construct, id: string, props: EnvironmentZoneProps) {
    super(scope, id);
    const { config } = props;
    const zoneConfig = config.zone;
    if (zoneConfig.kind === 'existing') {
      this.zoneId = zoneConfig.zoneId;
      return;
    }
    this.zone = new Route53Zone(this, 'zone', {
      name: config.name,
      comment: `Records of ${config.name}, managed by projen-cdktf-ecs`,
      forceDestroy: zoneConfig.forceDestroy,
    });
    this.zoneId = this.zone.zoneId;
    if (zoneConfig.kind !== 'delegated') {
      return;
    }
    if (zoneConfig.delegationRoleArn !== undefined) {
      this.delegationProvider = new AwsProvider(this, 'delegation_provider', {
        alias: 'dns_delegation',
        region: props.region,
        assumeRole: [{ roleArn: zoneConfig.delegationRoleArn, sessionName: 'dns-delegation' }],
        defaultTags: [{ tags: { ...props.tags } }],
      });
    }
    this.delegation = new Route53Record(this, 'delegation', {
      zoneId: zoneConfig.parentZoneId,
      name: config.name,
      type: 'NS',
      ttl: DELEGATION_TTL_SECONDS,
      records: this.zone.nameServers,
      ...(this.delegationProvider ? { provider: this.delegationProvider } : {}),
    });
  }
}
