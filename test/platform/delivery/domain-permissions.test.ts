import { Testing } from 'cdktf';
import { EnvironmentPreset } from '../../../src/options';
import type { PolicyStatement } from '../../../src/platform/contract/policies';
import { BootstrapStack } from '../../../src/platform/delivery/bootstrap-stack';
import { createPlatform } from '../../../src/platform/platform';
import { configOf } from '../support/configs';

const ZONE_ID = 'Z0123456789ABCDEFGHIJ';
const config = configOf({
  defaultReleaseBranch: 'main',
  region: 'eu-west-1',
  domain: { zoneName: 'example.com', zoneId: ZONE_ID },
  network: { ipv6: true },
  staticSite: {},
  environments: [{ name: 'dev', account: '111122223333' }, { name: 'prod', account: '111122223333', preset: EnvironmentPreset.PRODUCTION }],
  terraformState: { bucket: 'orders-terraform-state' },
  deployment: { repository: 'acme/orders' },
});

/** The Allow statements of every policy of the bootstrap stack naming an environment's deploy role, by environment. */
function deployStatements(): Record<string, PolicyStatement[]> {
  const app = Testing.app();
  createPlatform(app, config);
  const bootstrap = app.node.children.find((child): child is BootstrapStack => child instanceof BootstrapStack)!;
  const json = JSON.parse(Testing.synth(bootstrap));
  const policies = Object.values<any>(json.resource.aws_iam_policy);
  return Object.fromEntries(['dev', 'prod'].map((env) => [env, policies
    .filter((policy) => new RegExp(`^orders-${env}-deploy-\\d+$`).test(policy.name))
    .flatMap((policy) => JSON.parse(policy.policy).Statement as PolicyStatement[])
    .filter((statement) => statement.Effect === 'Allow')]));
}

const statements = deployStatements();
const grantsOf = (env: string, action: string) => statements[env].filter((statement) => ([] as string[]).concat(statement.Action).includes(action));
const resourcesOf = (env: string, action: string) => grantsOf(env, action).flatMap((statement) => ([] as string[]).concat(statement.Resource ?? []));

test('the deploy role may create the egress-only internet gateway of a dual-stack network, in the environment\'s region', () => {
  expect(resourcesOf('dev', 'ec2:CreateEgressOnlyInternetGateway')).toContain('arn:aws:ec2:eu-west-1:111122223333:*');
  expect(resourcesOf('dev', 'ec2:AssociateVpcCidrBlock')).toContain('arn:aws:ec2:eu-west-1:111122223333:*');
});

test('production writes records only into its existing zone', () => {
  expect(resourcesOf('prod', 'route53:ChangeResourceRecordSets')).toEqual([`arn:aws:route53:::hostedzone/${ZONE_ID}`]);
  expect(grantsOf('prod', 'route53:CreateHostedZone')).toEqual([]);
});

test('a subdomain environment may create its zone (whose id is random) and write into it and the parent', () => {
  expect(resourcesOf('dev', 'route53:ChangeResourceRecordSets')).toEqual(['arn:aws:route53:::hostedzone/*']);
  expect(resourcesOf('dev', 'route53:CreateHostedZone')).toEqual(['*']);
});

test('certificates are requested in the environment\'s region and, for CloudFront, us-east-1 only', () => {
  const [request] = grantsOf('dev', 'acm:RequestCertificate');
  expect(request.Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } });
  expect(resourcesOf('dev', 'acm:DeleteCertificate')).toEqual([
    'arn:aws:acm:eu-west-1:111122223333:certificate/*',
    'arn:aws:acm:us-east-1:111122223333:certificate/*',
  ]);
});

test('a subdomain environment of another account may assume the delegation role, for plans and deployments', () => {
  const crossAccount = configOf({
    defaultReleaseBranch: 'main',
    domain: { zoneName: 'example.com', zoneId: ZONE_ID, zoneAccount: '444455556666', delegationRoleArn: 'arn:aws:iam::444455556666:role/dns-delegation' },
    environments: [{ name: 'dev', account: '111122223333' }, { name: 'prod', account: '444455556666', preset: EnvironmentPreset.PRODUCTION }],
    terraformState: { bucket: 'orders-terraform-state' },
    deployment: { repository: 'acme/orders' },
  });
  const app = Testing.app();
  createPlatform(app, crossAccount);
  const policies = app.node.children.filter((child): child is BootstrapStack => child instanceof BootstrapStack)
    .flatMap((stack) => Object.values<any>(JSON.parse(Testing.synth(stack)).resource.aws_iam_policy));
  const assumers = policies
    .filter((policy) => JSON.parse(policy.policy).Statement.some((statement: PolicyStatement) => ([] as string[]).concat(statement.Action).includes('sts:AssumeRole')
      && statement.Resource === 'arn:aws:iam::444455556666:role/dns-delegation'))
    .map((policy) => policy.name.replace(/-\d+$/, ''));
  expect(assumers.sort()).toEqual(['orders-dev-deploy', 'orders-dev-plan']);
});
