import { PriceClass, StaticSiteOptions } from '../options';
import { isCertificateArn } from './aws';
import { EnvironmentContext } from './context';
import type { OptionProblems } from './problems';
import type { StaticSiteConfig } from '../platform/contract/config';
import { fitName } from '../platform/contract/naming';
import { DEFAULT_SITE_SOURCE_DIRECTORY, SITE_SOURCE_DIRECTORY_PATTERN, SitePublishingConfig } from '../platform/contract/site-publishing';

const DOMAIN_NAME_PATTERN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Resolves and validates the static site of one environment, if any. */
export function resolveStaticSite(ctx: EnvironmentContext): StaticSiteConfig | undefined {
  const site = ctx.options.staticSite;
  if (site === undefined) {
    return undefined;
  }
  const { problems } = ctx;
  const priceClass = site.priceClass ?? PriceClass.PRICE_CLASS_100;
  problems.checkEnum('staticSite.priceClass', priceClass, PriceClass);
  const defaultRootObject = site.defaultRootObject ?? 'index.html';
  problems.check(/^[^/\s][^\s]{0,254}$/.test(defaultRootObject), 'staticSite.defaultRootObject', defaultRootObject, 'is not allowed; expected an object key without a leading "/", e.g. "index.html"');
  const domainNames = site.domainNames ?? [];
  domainNames.forEach((domain, i) =>
    problems.check(DOMAIN_NAME_PATTERN.test(domain), `staticSite.domainNames[${i}]`, domain, 'is not a domain name; expected e.g. "www.example.com"'));
  if (site.certificateArn !== undefined) {
    // CloudFront only uses certificates from us-east-1 (of the environment's partition).
    problems.check(
      isCertificateArn(site.certificateArn, 'us-east-1'),
      'staticSite.certificateArn',
      site.certificateArn,
      'is not an ACM certificate ARN in us-east-1; CloudFront requires its certificates there',
    );
  }
  problems.check(
    // With a domain, the certificate comes from it (and domainNames are refused there).
    domainNames.length === 0 || site.certificateArn !== undefined || ctx.options.domain !== undefined,
    'staticSite.domainNames',
    domainNames,
    'need a certificate; set staticSite.certificateArn to an ACM certificate in us-east-1 covering them',
  );
  problems.check(site.hostname === undefined || ctx.options.domain !== undefined, 'staticSite.hostname', site.hostname, 'needs a domain; set domain, or staticSite.domainNames with a certificate');
  return {
    bucketPrefix: `${fitName([ctx.project, ctx.env.name, 'site'], 36)}-`,
    priceClass,
    defaultRootObject,
    singlePageApp: site.singlePageApp ?? true,
    domainNames: [...domainNames],
    ...(site.certificateArn !== undefined ? { certificateArn: site.certificateArn } : {}),
    publish: resolvePublishing(site, problems),
  };
}

/** What the deploy path uploads: a directory inside the repository, built first by an optional command. */
function resolvePublishing(site: StaticSiteOptions, problems: OptionProblems): SitePublishingConfig {
  const sourceDirectory = site.sourceDirectory ?? DEFAULT_SITE_SOURCE_DIRECTORY;
  problems.check(
    SITE_SOURCE_DIRECTORY_PATTERN.test(sourceDirectory),
    'staticSite.sourceDirectory',
    sourceDirectory,
    'is not allowed; expected a directory inside the repository, relative to its root and without "..", e.g. "site/dist"',
  );
  const buildCommand = site.buildCommand;
  problems.check(buildCommand === undefined || buildCommand.trim() !== '', 'staticSite.buildCommand', buildCommand, 'is empty; expected a shell command, or no buildCommand');
  return { sourceDirectory, ...(buildCommand !== undefined ? { buildCommand } : {}) };
}
