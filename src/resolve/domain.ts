import { accountOfArn } from './aws';
import type { EnvironmentContext } from './context';
import type { EnvironmentSettings } from './deployment';
import type { OptionProblems } from './problems';
import type { ServiceConfig } from '../platform/contract/config';
import { certificateCovers, DnsCertificateConfig, DOMAIN_RULES, DomainConfig, HostedZoneConfig, isInDomain } from '../platform/contract/domain';

const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const DEFAULT_STATIC_SITE_HOSTNAME = 'www';

/**
 * The environment's domain: its `domainName`, else the zone's apex in production and
 * `<environment>.<zone>` elsewhere; undefined without a domain. Checked to lie in the zone.
 */
export function resolveEnvironmentDomainName(ctx: EnvironmentContext): string | undefined {
  const domain = ctx.options.domain;
  if (domain === undefined) {
    return undefined;
  }
  const name = ctx.env.domainName ?? (ctx.production ? domain.zoneName : `${ctx.env.name}.${domain.zoneName}`);
  if (ctx.env.domainName !== undefined) {
    const path = `${ctx.envPath}.domainName`;
    if (ctx.problems.check(DOMAIN_RULES.domainName.test(name), path, name, 'is not a domain name; expected lowercase labels such as "dev.example.com"')) {
      ctx.problems.check(isInDomain(name, domain.zoneName), path, name, `is outside the zone ${domain.zoneName}; expected ${domain.zoneName} or a name under it`);
    }
  }
  return name;
}

/** A service's host names in the environment's domain (`api` -> `api.dev.example.com`), checked. */
export function qualifiedHostnames(ctx: EnvironmentContext, hostnames: string[] | undefined, path: string): string[] {
  if (hostnames === undefined || hostnames.length === 0) {
    return [];
  }
  if (!ctx.problems.check(ctx.domainName !== undefined, path, hostnames, 'needs a domain; set domain.zoneName (and zoneId or create)')) {
    return [];
  }
  hostnames.forEach((host, i) =>
    ctx.problems.check(DOMAIN_RULES.relativeHostname.test(host), `${path}[${i}]`, host, 'is not a host name relative to the environment\'s domain; expected labels such as "api"'));
  return hostnames.map((host) => `${host}.${ctx.domainName}`);
}

/** The DNS of one environment: its zone, records and certificates; undefined without a domain. */
export function resolveDomain(ctx: EnvironmentContext, services: ServiceConfig[]): DomainConfig | undefined {
  const name = ctx.domainName;
  if (name === undefined) {
    return undefined;
  }
  checkTls(ctx);
  const serviceHosts = services.flatMap((service) => service.ingress?.hostnames ?? []);
  const loadBalancerHosts = [...new Set([name, ...serviceHosts])];
  const loadBalancerCertificate = certificateFor(name, loadBalancerHosts);
  ctx.problems.check(
    1 + loadBalancerCertificate.subjectAlternativeNames.length <= DOMAIN_RULES.certificateNamesMax,
    'domain.zoneName',
    ctx.options.domain?.zoneName,
    `gives the load balancer's certificate of ${name} more than ${DOMAIN_RULES.certificateNamesMax} names (ACM's default quota); use one-label host names, which the wildcard covers`,
  );
  checkHostHeaders(ctx, loadBalancerCertificate);
  checkDistinctHosts(ctx, services);
  const staticSite = staticSiteHosts(ctx, name, loadBalancerHosts);
  return {
    name,
    zone: resolveZone(ctx, name),
    loadBalancerHosts,
    loadBalancerCertificate,
    ...(staticSite ? { staticSite: { hosts: staticSite, certificate: { domainName: staticSite[0], subjectAlternativeNames: [] } } } : {}),
  };
}

/** The domain, its wildcard (one label: every `api.<domain>`), and the deeper host names by name. */
function certificateFor(name: string, hosts: string[]): DnsCertificateConfig {
  const wildcard = `*.${name}`;
  const deeper = hosts.filter((host) => host !== name && !certificateCovers({ domainName: wildcard, subjectAlternativeNames: [] }, host));
  return { domainName: name, subjectAlternativeNames: [wildcard, ...deeper] };
}

/** Where the environment's records go: the zone's apex (existing or created), or a delegated subdomain zone. */
function resolveZone(ctx: EnvironmentContext, name: string): HostedZoneConfig {
  const domain = ctx.options.domain!;
  const forceDestroy = !ctx.production;
  if (name === domain.zoneName) {
    ctx.problems.check(
      domain.zoneAccount === undefined || domain.zoneAccount === ctx.env.account,
      `${ctx.envPath}.account`,
      ctx.env.account,
      `serves the apex of ${domain.zoneName}, whose zone is in account ${domain.zoneAccount}; expected that account (an environment writes records into zones of its own account)`,
    );
    return domain.create ? { kind: 'created', forceDestroy } : { kind: 'existing', zoneId: domain.zoneId ?? '' };
  }
  // Without zoneId nor create, the domain options are refused as a whole already.
  ctx.problems.check(
    domain.zoneId !== undefined || domain.create !== true,
    'domain.zoneId',
    domain.zoneId,
    `is required to delegate ${name} from ${domain.zoneName}; deploy the environment that creates the zone, then set zoneId to its hosted_zone_id output`,
  );
  const crossAccount = domain.zoneAccount !== undefined && ctx.env.account !== domain.zoneAccount;
  if (crossAccount) {
    ctx.problems.check(
      domain.delegationRoleArn !== undefined,
      'domain.delegationRoleArn',
      domain.delegationRoleArn,
      `is required: ${ctx.env.name} (account ${ctx.env.account ?? 'of the credentials'}) delegates ${name} in the zone of account ${domain.zoneAccount}`,
    );
  }
  return {
    kind: 'delegated',
    parentZoneId: domain.zoneId ?? '',
    ...(crossAccount && domain.delegationRoleArn !== undefined ? { delegationRoleArn: domain.delegationRoleArn } : {}),
    forceDestroy,
  };
}

/** With a domain, the certificates are created and validated here: a certificate ARN would be a second source of truth. */
function checkTls(ctx: EnvironmentContext): void {
  const arnSettings: Array<[string, unknown]> = [
    ['loadBalancer.certificateArn', ctx.options.loadBalancer?.certificateArn],
    [`${ctx.envPath}.certificateArn`, ctx.env.certificateArn],
    ['staticSite.certificateArn', ctx.options.staticSite?.certificateArn],
  ];
  for (const [path, value] of arnSettings) {
    ctx.problems.check(value === undefined, path, value, 'is not allowed with a domain; its DNS-validated certificates are created for it. Remove the ARN or the domain');
  }
  const siteNames = ctx.options.staticSite?.domainNames ?? [];
  ctx.problems.check(siteNames.length === 0, 'staticSite.domainNames', siteNames, 'is not allowed with a domain; set staticSite.hostname instead');
}

/** Host headers of the listener rules must be names the load balancer's certificate covers, in the environment's domain. */
function checkHostHeaders(ctx: EnvironmentContext, certificate: DnsCertificateConfig): void {
  (ctx.options.services ?? []).forEach((service, i) => (service.routing?.hostHeaders ?? []).forEach((host, j) => {
    const covered = [certificate.domainName, ...certificate.subjectAlternativeNames].includes(host) || certificateCovers(certificate, host);
    ctx.problems.check(
      isInDomain(host, certificate.domainName) && covered,
      `services[${i}].routing.hostHeaders[${j}]`,
      host,
      `is not covered by the certificate of ${ctx.env.name} (${[certificate.domainName, ...certificate.subjectAlternativeNames].join(', ')}); `
      + 'expected a name of the environment\'s domain, e.g. through services[].hostnames',
    );
  }));
}

/** One service per host name: the records are the same, and only one listener rule could win. */
function checkDistinctHosts(ctx: EnvironmentContext, services: ServiceConfig[]): void {
  const owners = new Map<string, string>();
  services.forEach((service, i) => (service.ingress?.hostnames ?? []).forEach((host, j) => {
    const owner = owners.get(host) ?? (host === ctx.domainName ? 'the environment\'s domain' : undefined);
    ctx.problems.check(owner === undefined, `services[${i}].hostnames[${j}]`, ctx.options.services?.[i]?.hostnames?.[j], `names ${host}, which is ${owner} already; expected a host name of one service`);
    owners.set(host, `the host name of ${service.name}`);
  }));
}

/** The static site's host name in the environment's domain, when there is a static site: one no service uses. */
function staticSiteHosts(ctx: EnvironmentContext, name: string, loadBalancerHosts: string[]): string[] | undefined {
  const site = ctx.options.staticSite;
  if (site === undefined) {
    return undefined;
  }
  const hostname = site.hostname ?? DEFAULT_STATIC_SITE_HOSTNAME;
  const host = `${hostname}.${name}`;
  if (ctx.problems.check(DOMAIN_RULES.relativeHostname.test(hostname), 'staticSite.hostname', hostname, 'is not a host name relative to the environment\'s domain; expected e.g. "www"')) {
    ctx.problems.check(!loadBalancerHosts.includes(host), 'staticSite.hostname', hostname, `names ${host}, a host of the load balancer too; expected a host name no service uses`);
  }
  return [host];
}

/** The project-wide domain settings, checked once. */
export function checkDomainOptions(ctx: Pick<EnvironmentContext, 'options' | 'problems'>): void {
  const domain = ctx.options.domain;
  if (domain === undefined) {
    return;
  }
  const { problems } = ctx;
  problems.check(DOMAIN_RULES.domainName.test(domain.zoneName ?? ''), 'domain.zoneName', domain.zoneName, 'is not a domain name; expected lowercase labels such as "example.com"');
  if (domain.zoneId !== undefined) {
    problems.check(DOMAIN_RULES.hostedZoneId.test(domain.zoneId), 'domain.zoneId', domain.zoneId, 'is not a hosted zone id; expected e.g. "Z0123456789ABCDEFGHIJ"');
  }
  problems.check(domain.zoneId !== undefined || domain.create === true, 'domain', domain, 'needs zoneId (an existing hosted zone) or create: true');
  if (domain.zoneAccount !== undefined) {
    problems.check(/^\d{12}$/.test(domain.zoneAccount), 'domain.zoneAccount', domain.zoneAccount, 'is not an AWS account id; expected 12 digits');
  }
  if (domain.delegationRoleArn !== undefined) {
    const arn = domain.delegationRoleArn;
    if (problems.check(ROLE_ARN_PATTERN.test(arn), 'domain.delegationRoleArn', arn, 'is not an IAM role ARN; expected arn:aws:iam::<account>:role/<name>')) {
      problems.check(
        domain.zoneAccount === undefined || accountOfArn(arn) === domain.zoneAccount,
        'domain.delegationRoleArn',
        arn,
        `belongs to account ${accountOfArn(arn)}; expected a role of the zone's account ${domain.zoneAccount}`,
      );
    }
  }
}

/**
 * Across environments: each serves its own name (one set of records per name), and a zone to create
 * is created by exactly one environment, the one on its apex.
 */
export function checkEnvironmentDomains(options: EnvironmentContext['options'], environments: EnvironmentSettings[], problems: OptionProblems): void {
  const domain = options.domain;
  if (domain === undefined) {
    return;
  }
  const seen = new Map<string, string>();
  environments.forEach((env, i) => {
    const name = env.domain?.name;
    if (name === undefined) return;
    const other = seen.get(name);
    problems.check(other === undefined, `environments[${i}].domainName`, name, `is the domain of ${other} too; expected one environment per name`);
    seen.set(name, env.name);
  });
  const creators = environments.filter((env) => env.domain?.zone.kind === 'created').map((env) => env.name);
  if (domain.create === true) {
    problems.check(
      creators.length === 1,
      'domain.create',
      true,
      `needs exactly one environment on the apex ${domain.zoneName} to create the zone in; ${creators.length === 0 ? 'none is' : `${creators.join(', ')} are`}. `
      + 'Set environments[].domainName',
    );
  }
}
