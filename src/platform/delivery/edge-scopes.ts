import type { ResolvedScope } from './environment-scopes';
import type { ScopeArns } from './scope-arns';
import type { WebAclConfig } from '../contract/observability-config';

/** CloudFront's web ACLs, their logs and its certificates live in us-east-1. */
export const CLOUDFRONT_REGION = 'us-east-1';

/** Scopes of the edge and observability resources: dashboards, web ACLs, hosted zones and certificates. */
export const EDGE_SCOPES = {
  dashboards: (a: ScopeArns): ResolvedScope => {
    const dashboard = a.env.observability?.dashboard;
    return { resources: dashboard ? [a.arn('cloudwatch', `dashboard/${dashboard.name}`, true)] : [] };
  },

  webAcls: (a: ScopeArns): ResolvedScope => {
    return {
      resources: [
        ...webAclArns(a, a.env.loadBalancer.waf, a.region, 'regional'),
        ...webAclArns(a, a.env.staticSite?.waf, CLOUDFRONT_REGION, 'global'),
      ],
    };
  },

  hostedZones: (a: ScopeArns): ResolvedScope => {
    const zone = a.env.domain?.zone;
    const zoneArn = (id: string) => `arn:${a.partition}:route53:::hostedzone/${id}`;
    if (zone === undefined) return { resources: [] };
    if (zone.kind === 'existing') return { resources: [zoneArn(zone.zoneId)] };
    // A created zone's id is random; the parent zone is written only with the NS record of the delegation.
    return { resources: [zoneArn('*')] };
  },

  route53Account: (a: ScopeArns): ResolvedScope => {
    return { resources: a.env.domain ? ['*'] : [] };
  },

  certificates: (a: ScopeArns): ResolvedScope => {
    return { resources: a.env.domain ? certificateRegions(a).map((region) => `arn:${a.partition}:acm:${region}:${a.account}:certificate/*`) : [] };
  },

  certificateRequests: (a: ScopeArns): ResolvedScope => {
    return a.env.domain ? { resources: ['*'], condition: { StringEquals: { 'aws:RequestedRegion': certificateRegions(a) } } } : { resources: [] };
  },

  dnsDelegationRole: (a: ScopeArns): ResolvedScope => {
    const zone = a.env.domain?.zone;
    return { resources: zone?.kind === 'delegated' && zone.delegationRoleArn !== undefined ? [zone.delegationRoleArn] : [] };
  },
};

function webAclArns(a: ScopeArns, waf: WebAclConfig | undefined, region: string, scope: 'regional' | 'global'): string[] {
  if (waf === undefined) {
    return [];
  }
  if (waf.kind === 'existing') {
    return [waf.arn];
  }
  return [a.arnIn(region, 'wafv2', `${scope}/webacl/${waf.name}/*`), `arn:${a.partition}:wafv2:${region}:*:${scope}/managedruleset/*`];
}

function certificateRegions(a: ScopeArns): string[] {
  return a.env.domain?.staticSite ? [...new Set([a.region, 'us-east-1'])] : [a.region];
}
