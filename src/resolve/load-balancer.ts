import { accountOfArn, isCertificateArn } from './aws';
import { parseIpv4Cidr } from './cidr';
import { EnvironmentContext, overridable } from './context';
import { DEFAULTS } from './defaults';
import type { LoadBalancerConfig } from '../platform/contract/config';
import { ELB_NAME_MAX, fitName } from '../platform/contract/naming';
import { LOAD_BALANCER_RULES, matchesText, PORT, textRuleReason, TEXT_RULES } from '../platform/contract/rules';

/** Resolves and validates the load balancer of one environment. */
export function resolveLoadBalancer(ctx: EnvironmentContext): LoadBalancerConfig {
  const { problems } = ctx;
  const lb = ctx.options.loadBalancer ?? {};
  const tls = resolveTls(ctx);
  const allowedCidrs = lb.allowedCidrs ?? [...DEFAULTS.allowedCidrs];
  const cidrCount = LOAD_BALANCER_RULES.allowedCidrs;
  problems.check(
    allowedCidrs.length >= cidrCount.min && allowedCidrs.length <= cidrCount.max,
    'loadBalancer.allowedCidrs',
    allowedCidrs,
    `is not allowed; expected ${cidrCount.min} to ${cidrCount.max} IPv4 CIDR blocks`,
  );
  allowedCidrs.forEach((c, i) =>
    problems.check(parseIpv4Cidr(c) !== undefined, `loadBalancer.allowedCidrs[${i}]`, c, 'is not an IPv4 CIDR block; expected e.g. "203.0.113.0/24"'),
  );
  const idleTimeoutSeconds = lb.idleTimeoutSeconds ?? LOAD_BALANCER_RULES.idleTimeoutSeconds.default;
  problems.checkRange('loadBalancer.idleTimeoutSeconds', idleTimeoutSeconds, LOAD_BALANCER_RULES.idleTimeoutSeconds);
  const httpPort = lb.httpPort ?? 80;
  const httpsPort = lb.httpsPort ?? 443;
  problems.checkRange('loadBalancer.httpPort', httpPort, PORT);
  if (problems.checkRange('loadBalancer.httpsPort', httpsPort, PORT) && tls.https) {
    problems.check(httpsPort !== httpPort, 'loadBalancer.httpsPort', httpsPort, 'is the HTTP listener\'s port too; expected another port');
  }
  const accessLogRetentionDays = lb.accessLogRetentionDays ?? DEFAULTS.accessLogRetentionDays;
  problems.checkInteger('loadBalancer.accessLogRetentionDays', accessLogRetentionDays, 1, 3650);

  const name = fitName([ctx.project, ctx.env.name], ELB_NAME_MAX);
  problems.check(
    !name.startsWith('internal-'),
    'resourcePrefix',
    ctx.project,
    `gives the load balancer name "${name}", and AWS rejects names starting with "internal-"; choose another prefix`,
  );
  return {
    name,
    ...tls,
    allowedCidrs: [...allowedCidrs],
    deletionProtection: overridable(ctx, 'deletionProtection', lb.deletionProtection, 'loadBalancer.deletionProtection', ctx.production).value,
    idleTimeoutSeconds,
    httpPort,
    httpsPort,
    ...(lb.accessLogs ?? true
      ? { accessLogs: { bucketPrefix: `${fitName([ctx.project, ctx.env.name, 'alb-logs'], 36)}-`, retentionDays: accessLogRetentionDays, forceDestroy: !ctx.production } }
      : {}),
  };
}

/** HTTPS: the certificates (ACM, in the environment's region and account), the redirect, the TLS policy. */
function resolveTls(ctx: EnvironmentContext): Pick<LoadBalancerConfig, 'https' | 'certificateArn' | 'additionalCertificateArns' | 'redirectHttpToHttps' | 'sslPolicy'> {
  const { problems, region, partition } = ctx;
  const lb = ctx.options.loadBalancer ?? {};
  const certificate = overridable<string | undefined>(ctx, 'certificateArn', lb.certificateArn, 'loadBalancer.certificateArn', undefined);
  const certificateHelp = `is not an ACM certificate ARN in ${region}; expected arn:${partition}:acm:${region}:<account>:certificate/<uuid>`;
  const checkCertificate = (path: string, arn: string) => {
    if (problems.check(isCertificateArn(arn, region), path, arn, certificateHelp) && ctx.env.account !== undefined) {
      problems.check(accountOfArn(arn) === ctx.env.account, path, arn, `belongs to account ${accountOfArn(arn)}; the load balancer of ${ctx.env.name} (account ${ctx.env.account}) can only use certificates of its own account`);
    }
  };
  if (certificate.value !== undefined) {
    checkCertificate(certificate.path, certificate.value);
  }
  const additionalCertificateArns = lb.additionalCertificateArns ?? [];
  additionalCertificateArns.forEach((arn, i) => checkCertificate(`loadBalancer.additionalCertificateArns[${i}]`, arn));
  // With a domain, the certificate is created in the stack: its ARN is no option.
  const secure = certificate.value !== undefined || ctx.domainName !== undefined;
  if (additionalCertificateArns.length > 0) {
    problems.check(secure, 'loadBalancer.additionalCertificateArns', additionalCertificateArns, 'needs loadBalancer.certificateArn or a domain; SNI certificates are added to the HTTPS listener');
  }
  checkProductionHttps(ctx, secure);
  const redirectHttpToHttps = lb.redirectHttpToHttps ?? secure;
  problems.check(
    !redirectHttpToHttps || secure,
    'loadBalancer.redirectHttpToHttps',
    redirectHttpToHttps,
    'needs HTTPS; set a domain or loadBalancer.certificateArn (or the environment\'s certificateArn), or leave the redirect off',
  );
  const sslPolicy = lb.sslPolicy ?? DEFAULTS.sslPolicy;
  problems.check(matchesText(TEXT_RULES.sslPolicy, sslPolicy), 'loadBalancer.sslPolicy', sslPolicy, textRuleReason(TEXT_RULES.sslPolicy));
  return {
    https: secure,
    ...(certificate.value !== undefined ? { certificateArn: certificate.value } : {}),
    additionalCertificateArns: [...additionalCertificateArns],
    redirectHttpToHttps,
    sslPolicy,
  };
}

/** The PRODUCTION preset serves HTTPS, unless `allowPlainHttp` states why plain HTTP is acceptable. */
function checkProductionHttps(ctx: EnvironmentContext, secure: boolean): void {
  const reason = ctx.options.loadBalancer?.allowPlainHttp;
  if (reason !== undefined) {
    ctx.problems.check(reason.trim().length > 0, 'loadBalancer.allowPlainHttp', reason, 'is empty; expected the reason plain HTTP is acceptable, e.g. "TLS ends at the CDN in front"');
  }
  if (ctx.production) {
    ctx.problems.check(
      secure || reason !== undefined,
      `${ctx.envPath}.preset`,
      'production',
      `needs HTTPS on the load balancer of ${ctx.env.name}; set domain, loadBalancer.certificateArn or ${ctx.envPath}.certificateArn, `
      + 'or state why plain HTTP is acceptable in loadBalancer.allowPlainHttp',
    );
  }
}
