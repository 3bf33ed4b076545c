/**
 * The DNS of an environment: where its records live, the names it serves and the certificates that
 * cover them. Dependency-free: read by the resolver (validation) and the constructs.
 */

/** Where an environment's records are written. */
export type HostedZoneConfig =
  /** The environment serves the apex of an existing zone: its records go into it. */
  | { readonly kind: 'existing'; readonly zoneId: string }
  /** The environment serves the apex of a zone its stack creates. */
  | { readonly kind: 'created'; readonly forceDestroy: boolean }
  /**
   * The environment serves a subdomain: its stack creates the subdomain's zone (in its own account)
   * and writes the NS delegation into the parent zone, through `delegationRoleArn` when the parent is in another account.
   */
  | { readonly kind: 'delegated'; readonly parentZoneId: string; readonly delegationRoleArn?: string; readonly forceDestroy: boolean };

/** An ACM certificate validated by DNS records in the environment's zone. */
export interface DnsCertificateConfig {
  /** The certificate's domain name. */
  readonly domainName: string;
  /** Further names it covers. */
  readonly subjectAlternativeNames: string[];
}

/** The DNS of one environment: its name, the zone of its records, its host names and their certificates. */
export interface DomainConfig {
  /** The environment's domain, e.g. `dev.example.com`: the apex of its records. */
  readonly name: string;
  readonly zone: HostedZoneConfig;
  /** Host names aliased to the load balancer: the domain itself, then the services' host names. */
  readonly loadBalancerHosts: string[];
  /** The load balancer's regional certificate. */
  readonly loadBalancerCertificate: DnsCertificateConfig;
  /** Host names aliased to the static site's distribution, with its us-east-1 certificate; present with a static site. */
  readonly staticSite?: { readonly hosts: string[]; readonly certificate: DnsCertificateConfig };
}

/** Rules of domain names and hosted zones. */
export const DOMAIN_RULES = {
  /** A lowercase DNS name of two or more labels. */
  domainName: /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/,
  /** A host name relative to an environment's domain: one or more labels, e.g. `api` or `v2.api`. */
  relativeHostname: /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
  hostedZoneId: /^Z[A-Z0-9]{1,31}$/,
  /** ACM's default quota of names per certificate. */
  certificateNamesMax: 10,
} as const;

/** Whether `host` is `domain` or a name under it. */
export function isInDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** Whether a certificate name (possibly a `*.` wildcard, which covers exactly one label) covers `host`. */
export function certificateNameCovers(name: string, host: string): boolean {
  if (!name.startsWith('*.')) {
    return name === host;
  }
  const base = name.slice(2);
  const label = host.slice(0, host.length - base.length - 1);
  return host.endsWith(`.${base}`) && label.length > 0 && !label.includes('.') && label !== '*';
}

/** Whether a certificate covers `host`. */
export function certificateCovers(certificate: DnsCertificateConfig, host: string): boolean {
  return [certificate.domainName, ...certificate.subjectAlternativeNames].some((name) => certificateNameCovers(name, host));
}

/**
 * The names whose DNS validation records a certificate needs: a wildcard is validated by the same
 * record as its base name, so `*.x` is left out when `x` is listed.
 */
export function validationNames(certificate: DnsCertificateConfig): string[] {
  const names = new Set([certificate.domainName, ...certificate.subjectAlternativeNames]);
  return [...names].filter((name) => !(name.startsWith('*.') && names.has(name.slice(2))));
}
