import { LOG_RETENTION_DAYS } from './aws';
import { EnvironmentContext } from './context';
import type { WafOptions } from '../options';
import { fitName } from '../platform/contract/naming';
import type { WebAclConfig } from '../platform/contract/observability-config';
import {
  BASELINE_MANAGED_RULE_GROUPS, OBSERVABILITY_TEXT_RULES, WAF_LOG_GROUP_PREFIX, WAF_RULES, WEB_ACL_MANAGED_RULE_GROUPS_MAX,
} from '../platform/contract/observability-rules';
import type { TextRule } from '../platform/contract/rules';

/** WAF caps web ACL names at 128 characters. */
const WEB_ACL_NAME_MAX = 128;

/** What differs between the load balancer's web ACL and the static site's. */
export interface WebAclTarget {
  /** Option path of the WAF options, e.g. `loadBalancer.waf`. */
  readonly path: string;
  /** Last part of the web ACL's and log group's names, e.g. `alb`. */
  readonly suffix: string;
  /** The rule an existing web ACL's ARN must satisfy (regional or CloudFront). */
  readonly arnRule: TextRule;
}

/** The load balancer's web ACL. */
export const LOAD_BALANCER_WEB_ACL: WebAclTarget = { path: 'loadBalancer.waf', suffix: 'alb', arnRule: OBSERVABILITY_TEXT_RULES.regionalWebAclArn };
/** The static site's (CloudFront) web ACL. */
export const STATIC_SITE_WEB_ACL: WebAclTarget = { path: 'staticSite.waf', suffix: 'site', arnRule: OBSERVABILITY_TEXT_RULES.cloudFrontWebAclArn };

/**
 * Resolves one web ACL of an environment: none when WAF is off (by default in development), the
 * existing one when an ARN is given, else one the service stack creates.
 */
export function resolveWebAcl(
  ctx: EnvironmentContext,
  waf: WafOptions | undefined,
  target: WebAclTarget,
  defaultLogRetentionDays: number,
): WebAclConfig | undefined {
  const options = waf ?? {};
  const { problems } = ctx;
  const { path } = target;
  if (!(options.enabled ?? ctx.production)) {
    return undefined;
  }
  if (options.webAclArn !== undefined) {
    if (problems.checkText(`${path}.webAclArn`, options.webAclArn, target.arnRule) && target === LOAD_BALANCER_WEB_ACL) {
      const region = options.webAclArn.split(':')[3];
      problems.check(region === ctx.region, `${path}.webAclArn`, options.webAclArn, `is in ${region}; the load balancer of ${ctx.env.name} (${ctx.region}) needs a web ACL of its own region`);
    }
    return { kind: 'existing', arn: options.webAclArn };
  }
  const extra = options.managedRuleGroups ?? [];
  extra.forEach((group, i) => problems.checkText(`${path}.managedRuleGroups[${i}]`, group, OBSERVABILITY_TEXT_RULES.managedRuleGroup));
  const managedRuleGroups = [...new Set<string>([...BASELINE_MANAGED_RULE_GROUPS, ...extra])];
  problems.check(
    managedRuleGroups.length <= WEB_ACL_MANAGED_RULE_GROUPS_MAX,
    `${path}.managedRuleGroups`,
    extra,
    `is too long; expected at most ${WEB_ACL_MANAGED_RULE_GROUPS_MAX - BASELINE_MANAGED_RULE_GROUPS.length} groups besides the ${BASELINE_MANAGED_RULE_GROUPS.length} baseline ones`,
  );
  const rateLimit = options.rateLimit ?? WAF_RULES.rateLimit.default;
  problems.checkRange(`${path}.rateLimit`, rateLimit, WAF_RULES.rateLimit);
  const logRetentionDays = options.logRetentionDays ?? defaultLogRetentionDays;
  // The default is the cluster's retention, whose own problems are reported already.
  problems.check(
    options.logRetentionDays === undefined || LOG_RETENTION_DAYS.includes(logRetentionDays),
    `${path}.logRetentionDays`,
    logRetentionDays,
    `is not a CloudWatch Logs retention; expected one of ${LOG_RETENTION_DAYS.join(', ')}`,
  );
  const name = fitName([ctx.project, ctx.env.name, target.suffix], WEB_ACL_NAME_MAX);
  return { kind: 'created', name, managedRuleGroups, rateLimit, logGroupName: `${WAF_LOG_GROUP_PREFIX}${name}`, logRetentionDays };
}
