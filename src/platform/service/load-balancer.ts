import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener, LbListenerConfig } from '@cdktf/provider-aws/lib/lb-listener';
import { LbListenerCertificate } from '@cdktf/provider-aws/lib/lb-listener-certificate';
import { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Fn, IResolvable, Op, ref, Token } from 'cdktf';
import { Construct } from 'constructs';
import { LoadBalancerAccessLogs } from './access-logs';
import type { LoadBalancerConfig, ServiceConfig } from '../contract/config';
import { trafficPort } from '../contract/containers';
import type { AwsContext } from '../core/aws-context';
import { interpolation, iteratorOver, ServiceModuleInputs } from '../core/module-inputs';

/** What the service module decides at plan time of the load balancer. */
export type LoadBalancerModuleInputs = Pick<ServiceModuleInputs, 'deletionProtection' | 'https' | 'allowedCidrs'>;

/** Properties of {@link PublicLoadBalancer}. */
export interface PublicLoadBalancerProps {
  readonly aws: AwsContext;
  /** Prefix of resource names, `<project>-<env>`. */
  readonly namePrefix: string;
  /** Load balancer settings. */
  readonly config: LoadBalancerConfig;
  /** The services; those with an ingress get a target group. */
  readonly services: ServiceConfig[];
  /** VPC of the load balancer and its targets. */
  readonly vpcId: string;
  /** Public subnets, one per availability zone. */
  readonly subnetIds: string[];
  /** Set by the Terraform module generator only: what the module decides at plan time. @default - the configuration decides */
  readonly moduleInputs?: LoadBalancerModuleInputs;
  /** Dual stack: IPv6 addresses on the load balancer and `::/0` admitted wherever `0.0.0.0/0` is. */
  readonly dualStack?: boolean;
  /** Certificate of the HTTPS listener when the configuration has no ARN (the environment's DNS-validated one). */
  readonly certificateArn?: string;
}

/**
 * The internet-facing Application Load Balancer of an environment: its security group, access
 * logs, one IP target group per load-balanced service, the listeners (HTTPS plus an HTTP→HTTPS
 * redirect when a certificate is configured, plain HTTP otherwise), and a host/path rule per
 * service that does not take the default route.
 */
export class PublicLoadBalancer extends Construct {
  /** Security group of the load balancer; services add their egress rules to it. */
  public readonly securityGroup: SecurityGroup;
  /** Ingress rules: every allowed CIDR on every listener port. */
  public readonly ingressRules: VpcSecurityGroupIngressRule[];
  /** Bucket of the access logs, when enabled. */
  public readonly accessLogs?: LoadBalancerAccessLogs;
  /** The load balancer. */
  public readonly loadBalancer: Lb;
  /** Target groups by service name. */
  public readonly targetGroups: Record<string, LbTargetGroup>;
  /** HTTP listener: redirect to HTTPS, or forward. */
  public readonly httpListener: LbListener;
  /** HTTPS listener, present when a certificate is configured. */
  public readonly httpsListener?: LbListener;
  /** Host/path rules by service name. */
  public readonly listenerRules: Record<string, LbListenerRule>;

  private readonly props: PublicLoadBalancerProps;

  constructor(scope: Construct, id: string, props: PublicLoadBalancerProps) {
    super(scope, id);
    const { config } = props;
    this.props = props;
    const balanced = props.services.filter(isBalanced);

    this.securityGroup = new SecurityGroup(this, 'security_group', {
      name: `${props.namePrefix}-alb`,
      description: `Load balancer of ${props.namePrefix}: listeners open to the allowed CIDRs, traffic out only to the service tasks`,
      vpcId: props.vpcId,
      tags: { Name: `${props.namePrefix}-alb` },
    });
    this.ingressRules = this.createIngressRules();
    if (config.accessLogs !== undefined) {
      this.accessLogs = new LoadBalancerAccessLogs(this, 'access_logs', { aws: props.aws, config: config.accessLogs });
    }
    this.loadBalancer = this.createLoadBalancer();
    this.targetGroups = Object.fromEntries(balanced.map((service) => [service.name, this.createTargetGroup(service)]));

    const defaultService = balanced.find((service) => service.ingress.defaultRoute) ?? balanced[0];
    const forwardToDefault = [{ type: 'forward', targetGroupArn: this.targetGroups[defaultService.name].arn }];
    this.httpsListener = this.createHttpsListener(forwardToDefault);
    this.httpListener = new LbListener(this, 'http_listener', {
      loadBalancerArn: this.loadBalancer.arn,
      port: config.httpPort,
      protocol: 'HTTP',
      defaultAction: props.moduleInputs
        ? this.redirectOrForward(props.moduleInputs, this.targetGroups[defaultService.name])
        : config.redirectHttpToHttps ? [{ type: 'redirect', redirect: redirectToHttps(config) }] : forwardToDefault,
    });
    this.listenerRules = this.createListenerRules(balanced);
  }

  /** The listener ports, open to the allowed client ranges. */
  private createIngressRules(): VpcSecurityGroupIngressRule[] {
    const { config, moduleInputs } = this.props;
    const secure = config.https;
    const listenerPorts = secure ? [config.httpPort, config.httpsPort] : [config.httpPort];
    const rule = (port: number, id: string, cidr: string, forEach?: ReturnType<typeof iteratorOver>) =>
      new VpcSecurityGroupIngressRule(this, `ingress_${port}_${id}`, {
        ...(forEach ? { forEach } : {}),
        securityGroupId: this.securityGroup.id,
        description: `${secure && port === config.httpsPort ? 'HTTPS' : 'HTTP'} from allowed client range ${cidr}`,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        cidrIpv4: cidr,
      });
    // Open to the allowed client ranges, by default the whole internet, knowingly failing the
    // "no ingress from 0.0.0.0/0" checks (Trivy AVD-AWS-0107, cdk-nag AwsSolutions-EC23): this is
    // the public entry point, and only the listener ports are open.
    if (moduleInputs) {
      return listenerPorts.map((port) => {
        const cidrs = iteratorOver(port === config.httpsPort
          ? `${moduleInputs.https} ? ${moduleInputs.allowedCidrs} : []`
          : moduleInputs.allowedCidrs);
        return rule(port, '0', cidrs.value, cidrs);
      });
    }
    const rules = listenerPorts.flatMap((port) => config.allowedCidrs.map((cidr, i) => rule(port, String(i), cidr)));
    return [...rules, ...this.createIpv6IngressRules(listenerPorts)];
  }

  /** IPv6 clients are admitted only where every IPv4 client is: the allowed ranges are IPv4 blocks. */
  private createIpv6IngressRules(listenerPorts: number[]): VpcSecurityGroupIngressRule[] {
    const { config } = this.props;
    if (this.props.dualStack !== true || !config.allowedCidrs.includes('0.0.0.0/0')) {
      return [];
    }
    return listenerPorts.map((port) => new VpcSecurityGroupIngressRule(this, `ingress_${port}_ipv6`, {
      securityGroupId: this.securityGroup.id,
      description: `${config.https && port === config.httpsPort ? 'HTTPS' : 'HTTP'} from any IPv6 client`,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      cidrIpv6: '::/0',
    }));
  }

  /** The HTTP listener's default action decided at plan time: redirect to HTTPS, or forward to the service. */
  private redirectOrForward(inputs: LoadBalancerModuleInputs, targetGroup: LbTargetGroup): IResolvable {
    const action = iteratorOver(`${inputs.https} ? ["redirect"] : ["forward"]`);
    const { protocol, port, statusCode } = redirectToHttps(this.props.config);
    return action.dynamic({
      type: action.value,
      target_group_arn: Fn.conditional(Op.eq(action.value, 'forward'), targetGroup.arn, ref('null')),
      // cdktf renders a nested iterator as an expression, which Terraform refuses for a block: the
      // redirect block, present in the redirect action only, is a nested dynamic block written out.
      dynamic: {
        redirect: {
          for_each: interpolation(`${action.key} == "redirect" ? [1] : []`),
          content: { protocol, port, status_code: statusCode },
        },
      },
    });
  }

  /** The internet-facing application load balancer in the public subnets. */
  private createLoadBalancer(): Lb {
    const { config } = this.props;
    return new Lb(this, 'load_balancer', {
      name: config.name,
      loadBalancerType: 'application',
      // Internet-facing on purpose, knowingly failing the "load balancer should be internal" checks
      // (Checkov CKV2_AWS_20 family, Trivy AVD-AWS-0053): this is the service's public entry point.
      // The tasks behind it stay in private subnets without public addresses.
      internal: false,
      ...(this.props.dualStack ? { ipAddressType: 'dualstack' } : {}),
      securityGroups: [this.securityGroup.id],
      subnets: this.props.subnetIds,
      dropInvalidHeaderFields: true,
      // "defensive" (the AWS default) blocks the request smuggling patterns that put backends at
      // risk while still serving merely non-compliant requests; "strictest" would also reject those,
      // which breaks odd but legitimate clients of a general-purpose template.
      desyncMitigationMode: 'defensive',
      enableDeletionProtection: this.props.moduleInputs ? Token.asAny(ref(this.props.moduleInputs.deletionProtection)) : config.deletionProtection,
      idleTimeout: config.idleTimeoutSeconds,
      ...(this.accessLogs ? { accessLogs: { bucket: this.accessLogs.bucket.bucket.id, enabled: true } } : {}),
      tags: { Name: config.name },
      // Log delivery is checked when the load balancer is configured: the bucket policy must exist.
      ...(this.accessLogs ? { dependsOn: [this.accessLogs.bucket.policy] } : {}),
    });
  }

  /** The target group of one service: its traffic container's IP addresses, health-checked on its path. */
  private createTargetGroup(service: BalancedService): LbTargetGroup {
    return new LbTargetGroup(this, `target_group_${service.name}`, {
      name: service.ingress.targetGroupName,
      targetType: 'ip',
      protocol: 'HTTP',
      port: trafficPort(service),
      vpcId: this.props.vpcId,
      deregistrationDelay: String(service.deregistrationDelaySeconds),
      healthCheck: {
        enabled: true,
        protocol: 'HTTP',
        port: 'traffic-port',
        path: service.healthCheckPath,
        matcher: service.healthCheckSuccessCodes,
        interval: service.targetHealthCheck.intervalSeconds,
        timeout: service.targetHealthCheck.timeoutSeconds,
        healthyThreshold: service.targetHealthCheck.healthyThreshold,
        unhealthyThreshold: service.targetHealthCheck.unhealthyThreshold,
      },
    });
  }

  /** The HTTPS listener with its additional certificates, when the load balancer serves HTTPS. */
  private createHttpsListener(defaultAction: LbListenerConfig['defaultAction']): LbListener | undefined {
    const { config } = this.props;
    const certificateArn = config.certificateArn ?? this.props.certificateArn;
    if (!config.https) {
      return undefined;
    }
    const { moduleInputs } = this.props;
    if (certificateArn === undefined) {
      throw new Error(`The load balancer ${config.name} serves HTTPS but was given no certificate`);
    }
    const listener = new LbListener(this, 'https_listener', {
      ...(moduleInputs ? { count: Token.asNumber(Fn.conditional(ref(moduleInputs.https), 1, 0)) } : {}),
      loadBalancerArn: this.loadBalancer.arn,
      port: config.httpsPort,
      protocol: 'HTTPS',
      sslPolicy: config.sslPolicy,
      certificateArn,
      defaultAction,
    });
    config.additionalCertificateArns.forEach((additional, i) => new LbListenerCertificate(this, `additional_certificate_${i}`, {
      listenerArn: listener.arn,
      certificateArn: additional,
    }));
    return listener;
  }

  /** The host/path rules of the services that have one, on every listener that forwards (a redirecting listener needs none). */
  private createListenerRules(balanced: BalancedService[]): Record<string, LbListenerRule> {
    const forwardingListeners = [
      ...(this.httpsListener ? [{ id: 'https', listener: this.httpsListener }] : []),
      ...(this.props.config.redirectHttpToHttps ? [] : [{ id: 'http', listener: this.httpListener }]),
    ];
    const rules: Record<string, LbListenerRule> = {};
    for (const service of balanced) {
      const rule = service.ingress.rule;
      if (rule === undefined) continue;
      for (const { id: listenerId, listener } of forwardingListeners) {
        const ruleId = forwardingListeners.length > 1 ? `${service.name}_${listenerId}` : service.name;
        rules[ruleId] = new LbListenerRule(this, `rule_${ruleId}`, {
          listenerArn: listener.arn,
          priority: rule.priority,
          condition: [
            ...(rule.hostHeaders.length > 0 ? [{ hostHeader: { values: rule.hostHeaders } }] : []),
            ...(rule.pathPatterns.length > 0 ? [{ pathPattern: { values: rule.pathPatterns } }] : []),
          ],
          action: [{ type: 'forward', targetGroupArn: this.targetGroups[service.name].arn }],
        });
      }
    }
    return rules;
  }

  /** Listeners and rules: what a service must wait for before its target group can receive tasks. */
  public get routing(): Array<LbListener | LbListenerRule> {
    return [this.httpListener, ...(this.httpsListener ? [this.httpsListener] : []), ...Object.values(this.listenerRules)];
  }
}

/** Port 80's redirect to the HTTPS listener, with a 301. */
function redirectToHttps(config: LoadBalancerConfig) {
  return { protocol: 'HTTPS', port: String(config.httpsPort), statusCode: 'HTTP_301' };
}

/** A service behind the load balancer: one with ingress settings. */
type BalancedService = ServiceConfig & { readonly ingress: NonNullable<ServiceConfig['ingress']> };

/** Whether a service is behind the load balancer. */
function isBalanced(service: ServiceConfig): service is BalancedService {
  return service.ingress !== undefined;
}
