import { EnvironmentPreset, Guardrails, GuardrailSubject, IGuardrail, OrganisationDefaults } from '../../src';
import { resolvePlatformConfig } from '../../src/resolve/resolve';
import { problemsOf } from '../project/support';

const cert = 'arn:aws:acm:eu-west-1:123456789012:certificate/0b6a3c1e-6a3f-4c1f-9a53-0a3d3b7f5e21';

test('a region outside the allowed ones is one line with the option path, the value and what the organisation allows', () => {
  expect(problemsOf({ region: 'us-west-2', guardrails: [Guardrails.allowedRegions(['eu-west-1', 'eu-central-1'])] })).toEqual([
    'region: "us-west-2" is not allowed by allowed-regions; expected one of eu-west-1, eu-central-1',
  ]);
});

test('an environment\'s own region is reported at its path, with the other problems of the options', () => {
  const problems = problemsOf({
    region: 'eu-west-1',
    environments: [{ name: 'dev' }, { name: 'prod', region: 'us-east-1', account: '12' }],
    guardrails: [Guardrails.allowedRegions(['eu-west-1'])],
  });
  expect(problems).toEqual([
    'environments[1].account: "12" is not an AWS account id; expected 12 digits',
    'environments[1].region: "us-east-1" is not allowed by allowed-regions; expected one of eu-west-1 (environment prod)',
  ]);
});

test('production without deletion protection or HTTPS is refused, even with the platform\'s plain-HTTP opt-out; development is not', () => {
  const problems = problemsOf({
    region: 'eu-west-1',
    environments: [{ name: 'dev' }, { name: 'prod', preset: EnvironmentPreset.PRODUCTION, deletionProtection: false }],
    loadBalancer: { allowPlainHttp: 'TLS ends at the CDN in front' },
    guardrails: [Guardrails.productionDeletionProtection(), Guardrails.productionHttps()],
  });
  expect(problems).toEqual([
    'environments[1].deletionProtection: false is not allowed by production-deletion-protection; production environments need deletion protection (environment prod)',
    'loadBalancer.certificateArn: undefined is not allowed by production-https; production environments need a certificate (HTTPS) (environment prod)',
  ]);
  expect(problemsOf({
    region: 'eu-west-1',
    environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }],
    loadBalancer: { certificateArn: cert },
    guardrails: [Guardrails.productionDeletionProtection(), Guardrails.productionHttps()],
  })).toEqual([]);
});

test('production without WAF on the load balancer is one line: option path, value, what the organisation allows; development is not', () => {
  const environments = [{ name: 'dev' }, { name: 'prod', preset: EnvironmentPreset.PRODUCTION }];
  const withoutWaf = { waf: { enabled: false }, certificateArn: cert };
  expect(problemsOf({ region: 'eu-west-1', environments, loadBalancer: withoutWaf, guardrails: [Guardrails.productionWaf()] })).toEqual([
    'loadBalancer.waf.enabled: false is not allowed by production-waf; production environments need a WAF web ACL on the load balancer (environment prod)',
  ]);
  // Production gets a web ACL by default, and an existing one counts.
  expect(problemsOf({ region: 'eu-west-1', environments, loadBalancer: { certificateArn: cert }, guardrails: [Guardrails.productionWaf()] })).toEqual([]);
  const webAclArn = 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shared/0b6a3c1e-6a3f-4c1f-9a53-0a3d3b7f5e21';
  expect(problemsOf({ region: 'eu-west-1', environments, loadBalancer: { waf: { webAclArn }, certificateArn: cert }, guardrails: [Guardrails.productionWaf()] })).toEqual([]);
});

test('EC2 instance families, ingress CIDRs and required tags', () => {
  const problems = problemsOf({
    cluster: {
      ec2Capacity: { instanceType: 'x2iedn.large' },
      capacityProviderStrategy: [{ capacityProvider: 'EC2' as any, weight: 1 }],
    },
    loadBalancer: { allowedCidrs: ['0.0.0.0/0'] },
    guardrails: [Guardrails.allowedInstanceFamilies(['m7g', 't4g']), Guardrails.allowedIngressCidrs(['10.0.0.0/8']), Guardrails.requiredTags(['cost-center'])],
  });
  expect(problems).toEqual([
    'cluster.ec2Capacity.instanceType: "x2iedn.large" is not allowed by allowed-instance-families; expected an instance type of the families m7g, t4g',
    'loadBalancer.allowedCidrs: "0.0.0.0/0" is not allowed by allowed-ingress-cidrs; expected only 10.0.0.0/8',
    'environments[0].tags: "cost-center" is not allowed by required-tags; expected a "cost-center" tag (in tags or environments[0].tags)',
  ]);
});

test('a guardrail of the organisation sees the options and the resolved environments', () => {
  const seen: GuardrailSubject[] = [];
  const recorder: IGuardrail = { name: 'acme/recorder', check: (subject) => (seen.push(subject), []) };
  resolvePlatformConfig({ name: 'orders', region: 'eu-west-1', tags: { team: 'a' }, guardrails: [recorder] });
  expect(seen[0].options.region).toBe('eu-west-1');
  expect(seen[0].environments).toEqual([expect.objectContaining({
    name: 'dev',
    path: 'environments[0]',
    region: 'eu-west-1',
    preset: EnvironmentPreset.DEVELOPMENT,
    deletionProtection: false,
    executeCommand: true,
    https: false,
    loadBalancerWaf: false,
    allowedCidrs: ['0.0.0.0/0'],
    instanceTypes: [],
    capacityProviders: ['FARGATE_SPOT', 'FARGATE'],
    natGateways: 'single',
    services: ['orders'],
    tags: expect.objectContaining({ team: 'a' }),
  })]);
});

test('a guardrail that throws is one problem naming it, not a stack trace', () => {
  const broken: IGuardrail = { name: 'acme/broken', check: () => { throw new Error('no WAF option yet'); } };
  expect(problemsOf({ guardrails: [broken] })).toEqual(['guardrails[0]: "acme/broken" failed: no WAF option yet']);
});

describe('OrganisationDefaults.apply', () => {
  const defaults = {
    region: 'eu-west-1',
    accounts: { dev: '111122223333', prod: '444455556666' },
    presets: { prod: EnvironmentPreset.PRODUCTION },
    terraformState: { bucket: 'acme-terraform-state' },
    tags: { company: 'acme', team: 'unset' },
    allowedCidrs: ['10.0.0.0/8'],
    guardrails: [Guardrails.allowedRegions(['eu-west-1'])],
  };

  test('fills what the repository leaves out: region, accounts and presets by environment name, state, tags, CIDRs', () => {
    const options = OrganisationDefaults.apply({ name: 'orders', defaultReleaseBranch: 'main', environments: [{ name: 'dev' }, { name: 'prod' }], tags: { team: 'payments' } }, defaults);
    expect(options).toEqual(expect.objectContaining({
      region: 'eu-west-1',
      environments: [{ name: 'dev', account: '111122223333' }, { name: 'prod', account: '444455556666', preset: EnvironmentPreset.PRODUCTION }],
      terraformState: { bucket: 'acme-terraform-state' },
      tags: { company: 'acme', team: 'payments' },
      loadBalancer: { allowedCidrs: ['10.0.0.0/8'] },
    }));
  });

  test('the repository\'s values win, and its guardrails come after the organisation\'s, which stay', () => {
    const own: IGuardrail = { name: 'own', check: () => [] };
    const options = OrganisationDefaults.apply({
      name: 'orders',
      defaultReleaseBranch: 'main',
      region: 'eu-central-1',
      environments: [{ name: 'prod', account: '777788889999', certificateArn: 'arn:aws:acm:eu-central-1:777788889999:certificate/0b6a3c1e-6a3f-4c1f-9a53-0a3d3b7f5e21' }],
      guardrails: [own],
    }, defaults);
    expect(options.region).toBe('eu-central-1');
    expect(options.environments).toEqual([expect.objectContaining({ name: 'prod', account: '777788889999', preset: EnvironmentPreset.PRODUCTION })]);
    expect(options.guardrails).toEqual([defaults.guardrails[0], own]);
    expect(problemsOf(options)).toEqual(['region: "eu-central-1" is not allowed by allowed-regions; expected one of eu-west-1']);
  });
});
