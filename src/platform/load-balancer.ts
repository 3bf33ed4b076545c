import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import type { LoadBalancerConfig, ServiceConfig } from './config';

const HTTP_PORT = 80;
const HTTPS_PORT = 443;
/** Priority of the first path rule; rules of later services follow one by one. */
const FIRST_RULE_PRIORITY = 100;

/** Properties of {@link PublicLoadBalancer}. */
export interface PublicLoadBalancerProps {
  /** Prefix of resource names, `<project>-<env>`. */
  readonly namePrefix: string;
  /** Load balancer settings. */
  readonly config: LoadBalancerConfig;
  /** The services behind the load balancer; the first receives the default route. */
  readonly services: ServiceConfig[];
  /** VPC of the load balancer and its targets. */
  readonly vpcId: string;
  /** Public subnets, one per availability zone. */
  readonly subnetIds: string[];
}

/**
 * The internet-facing Application Load Balancer of an environment, its security group, one IP
 * target group per service, and the listeners: HTTPS plus an HTTP→HTTPS redirect when a
 * certificate is configured, plain HTTP otherwise. The first service receives the default
 * action; every further service receives `/<service>` and `/<service>/*`.
 */
export class PublicLoadBalancer extends Construct {
  /** Security group of the load balancer; services add their egress rules to it. */
  public readonly securityGroup: SecurityGroup;
  /** Ingress rules: every allowed CIDR on every listener port. */
  public readonly ingressRules: VpcSecurityGroupIngressRule[];
  /** The load balancer. */
  public readonly loadBalancer: Lb;
  /** Target groups by service name. */
  public readonly targetGroups: Record<string, LbTargetGroup>;
  /** HTTP listener on port 80: redirect to HTTPS with a certificate, forward without. */
  public readonly httpListener: LbListener;
  /** HTTPS listener on port 443, present when a certificate is configured. */
  public readonly httpsListener?: LbListener;
  /** Path rules routing to the services after the first, by service name. */
  public readonly listenerRules: Record<string, LbListenerRule>;

  constructor(scope: Construct, id: string, props: PublicLoadBalancerProps) {
    super(scope, id);
    const { config } = props;
    const secure = config.certificateArn !== undefined;

    this.securityGroup = new SecurityGroup(this, 'security_group', {
      name: `${props.namePrefix}-alb`,
      description: `Load balancer of ${props.namePrefix}: listeners open to the allowed CIDRs, traffic out only to the service tasks`,
      vpcId: props.vpcId,
      tags: { Name: `${props.namePrefix}-alb` },
    });
    const listenerPorts = secure ? [HTTP_PORT, HTTPS_PORT] : [HTTP_PORT];
    this.ingressRules = listenerPorts.flatMap((port) => config.allowedCidrs.map((cidr, i) =>
      new VpcSecurityGroupIngressRule(this, `ingress_${port}_${i}`, {
        securityGroupId: this.securityGroup.id,
        description: `${port === HTTPS_PORT ? 'HTTPS' : 'HTTP'} from allowed client range ${cidr}`,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        ...(cidr.includes(':') ? { cidrIpv6: cidr } : { cidrIpv4: cidr }),
      })));

    this.loadBalancer = new Lb(this, 'load_balancer', {
      name: config.name,
      loadBalancerType: 'application',
      // Internet-facing on purpose, knowingly failing the "load balancer should be internal" checks
      // (Checkov CKV2_AWS_20 family, Trivy AVD-AWS-0053): this is the service's public entry point.
      // The tasks behind it stay in private subnets without public addresses.
      internal: false,
      securityGroups: [this.securityGroup.id],
      subnets: props.subnetIds,
      dropInvalidHeaderFields: true,
      // "defensive" (the AWS default) blocks the request smuggling patterns that put backends at
      // risk while still serving merely non-compliant requests; "strictest" would also reject those,
      // which breaks odd but legitimate clients of a general-purpose template.
      desyncMitigationMode: 'defensive',
      enableDeletionProtection: config.deletionProtection,
      idleTimeout: config.idleTimeoutSeconds,
      tags: { Name: config.name },
    });

    this.targetGroups = Object.fromEntries(props.services.map((service) => [service.name, new LbTargetGroup(this, `target_group_${service.name}`, {
      name: service.targetGroupName,
      targetType: 'ip',
      protocol: 'HTTP',
      port: service.containerPort,
      vpcId: props.vpcId,
      deregistrationDelay: String(service.deregistrationDelaySeconds),
      healthCheck: {
        enabled: true,
        protocol: 'HTTP',
        port: 'traffic-port',
        path: service.healthCheckPath,
        matcher: '200-299',
        interval: 15,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      },
    })]));

    const [defaultService, ...routedServices] = props.services;
    const forwardToDefault = [{ type: 'forward', targetGroupArn: this.targetGroups[defaultService.name].arn }];
    if (secure) {
      this.httpsListener = new LbListener(this, 'https_listener', {
        loadBalancerArn: this.loadBalancer.arn,
        port: HTTPS_PORT,
        protocol: 'HTTPS',
        sslPolicy: config.sslPolicy,
        certificateArn: config.certificateArn,
        defaultAction: forwardToDefault,
      });
    }
    this.httpListener = new LbListener(this, 'http_listener', {
      loadBalancerArn: this.loadBalancer.arn,
      port: HTTP_PORT,
      protocol: 'HTTP',
      defaultAction: secure
        ? [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: String(HTTPS_PORT), statusCode: 'HTTP_301' } }]
        : forwardToDefault,
    });

    const routingListener = this.httpsListener ?? this.httpListener;
    this.listenerRules = Object.fromEntries(routedServices.map((service, i) => [service.name, new LbListenerRule(this, `path_rule_${service.name}`, {
      listenerArn: routingListener.arn,
      priority: FIRST_RULE_PRIORITY + i,
      condition: [{ pathPattern: { values: [`/${service.name}`, `/${service.name}/*`] } }],
      action: [{ type: 'forward', targetGroupArn: this.targetGroups[service.name].arn }],
    })]));
  }

  /** Listeners and rules: what a service must wait for before its target group can receive tasks. */
  public get routing(): Array<LbListener | LbListenerRule> {
    return [this.httpListener, ...(this.httpsListener ? [this.httpsListener] : []), ...Object.values(this.listenerRules)];
  }
}
