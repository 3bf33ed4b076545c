import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { App, Testing, TerraformStack } from 'cdktf';
import type { PlatformConfig } from '../../../src/platform/contract/config';
import type { PolicyStatement } from '../../../src/platform/contract/policies';
import { BootstrapStack } from '../../../src/platform/delivery/bootstrap-stack';
import { ATTACHED_POLICIES_MAX, INLINE_POLICIES_MAX_CHARACTERS, MANAGED_POLICY_MAX_CHARACTERS, renderedPolicyLength } from '../../../src/platform/delivery/policy-size';
import { permissionsOfResourceTypes, RESOURCE_TYPE_PERMISSIONS } from '../../../src/platform/delivery/resource-types';
import { resourceTypesOf } from '../../../src/platform/delivery/stack-resource-types';
import { createPlatform } from '../../../src/platform/platform';
import { DEFAULT_CONFIG, MULTI_CONFIG, VARIANTS } from '../support/configs';
import { deploymentConfig, DEPLOYMENTS, FULL_FEATURE_DEPLOYMENT } from '../support/deployment-configs';
import { FEATURE_CONFIGS, SEEDS } from '../support/seeds';

/** Every configuration planned offline, and the deployment configurations. */
const PLANNED: Record<string, PlatformConfig> = {
  default: DEFAULT_CONFIG,
  multi: MULTI_CONFIG,
  ...VARIANTS,
  ...SEEDS,
  ...FEATURE_CONFIGS,
  ...Object.fromEntries(Object.entries(DEPLOYMENTS).map(([name, deployment]) => [`deployment-${name}`, deploymentConfig(deployment)])),
  fullFeatures: FULL_FEATURE_DEPLOYMENT,
};

const DEPLOYED: Record<string, PlatformConfig> = {
  ...Object.fromEntries(Object.entries(DEPLOYMENTS).map(([name, deployment]) => [name, deploymentConfig(deployment)])),
  sameAccount: deploymentConfig(DEPLOYMENTS.githubRolling, { sameAccount: true }),
  fullFeatures: FULL_FEATURE_DEPLOYMENT,
};

interface RolePolicies {
  readonly managed: string[];
  readonly inline: string[];
}

interface EnvironmentIam {
  readonly deploy: RolePolicies;
  readonly plan: RolePolicies;
  readonly boundary: string;
  readonly deployRole: Record<string, any>;
  readonly planRole: Record<string, any>;
}

function appOf(config: PlatformConfig): App {
  const app = Testing.app();
  createPlatform(app, config);
  return app;
}

/** The delivery IAM of every environment of a configuration, as synthesized. */
function deliveryIam(config: PlatformConfig): Record<string, EnvironmentIam> {
  const result: Record<string, EnvironmentIam> = {};
  for (const stack of appOf(config).node.children.filter((child): child is BootstrapStack => child instanceof BootstrapStack)) {
    const json = JSON.parse(Testing.synth(stack));
    const policies = Object.values<any>(json.resource.aws_iam_policy);
    const roles = Object.entries<any>(json.resource.aws_iam_role);
    const inline = Object.values<any>(json.resource.aws_iam_role_policy);
    for (const env of Object.keys(stack.roles)) {
      const prefix = `${config.project}-${env}`;
      const roleOf = (kind: string) => roles.find(([, role]) => role.name === `${prefix}-github-${kind}`)!;
      const inlineOf = (kind: string) => inline.filter((policy) => policy.role === `\${aws_iam_role.${roleOf(kind)[0]}.id}`).map((policy) => policy.policy);
      const managedOf = (kind: string) => policies.filter((policy) => new RegExp(`^${prefix}-${kind}-\\d+$`).test(policy.name)).map((policy) => policy.policy);
      result[env] = {
        deploy: { managed: managedOf('deploy'), inline: inlineOf('deploy') },
        plan: { managed: managedOf('plan'), inline: inlineOf('plan') },
        boundary: policies.find((policy) => policy.name === `${prefix}-workload-boundary`)!.policy,
        deployRole: roleOf('deploy')[1],
        planRole: roleOf('plan')[1],
      };
    }
  }
  return result;
}

function statementsOf(policies: RolePolicies): PolicyStatement[] {
  return [...policies.managed, ...policies.inline].flatMap((policy) => JSON.parse(policy).Statement);
}

const actionsOf = (statement: PolicyStatement) => ([] as string[]).concat(statement.Action);
const resourcesOf = (statement: PolicyStatement) => ([] as string[]).concat(statement.Resource ?? []);
const allows = (statements: PolicyStatement[]) => statements.filter((statement) => statement.Effect === 'Allow');

/** IAM wildcard matching of an ARN pattern. */
function matches(pattern: string, arn: string): boolean {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*')}$`).test(arn);
}

const IAM = Object.fromEntries(Object.entries(DEPLOYED).map(([name, config]) => [name, deliveryIam(config)]));
const EVERY_ENVIRONMENT = Object.entries(IAM).flatMap(([name, environments]) => Object.entries(environments).map(([env, iam]) => [`${name}/${env}`, iam] as const));

describe('resource type table', () => {
  test.each(Object.entries(PLANNED))('covers every resource type of every stack of %s', (_name, config) => {
    const app = appOf(config);
    const stacks = app.node.children.filter((child) => child instanceof TerraformStack && !(child instanceof BootstrapStack));
    const uncovered = resourceTypesOf(stacks).filter((type) => RESOURCE_TYPE_PERMISSIONS[type] === undefined);
    expect(uncovered).toEqual([]);
  });

  test('an unknown resource type fails with its name', () => {
    expect(() => permissionsOfResourceTypes(['aws_ecs_service', 'aws_made_up_thing'])).toThrow(/aws_made_up_thing/);
  });

  test('a resource added to an environment stack after the bootstrap stack fails the synthesis', () => {
    const app = Testing.app();
    createPlatform(app, deploymentConfig(DEPLOYMENTS.githubRolling));
    const network = app.node.findChild('dev-network') as TerraformStack;
    new SqsQueue(network, 'late_queue', { name: 'late' });
    expect(() => app.synth()).toThrow(/gained resource types after its delivery roles were derived \(aws_sqs_queue\)/);
  });
});

describe('deploy role', () => {
  test.each(EVERY_ENVIRONMENT)('%s: no IAM or global wildcard action', (_name, iam) => {
    const actions = allows(statementsOf(iam.deploy)).flatMap(actionsOf);
    expect(actions.filter((action) => action === '*' || /^[a-z0-9-]+:\*$/.test(action))).toEqual([]);
  });

  test.each(EVERY_ENVIRONMENT)('%s: no IAM action on Resource "*"', (_name, iam) => {
    const offending = allows(statementsOf(iam.deploy))
      .filter((statement) => actionsOf(statement).some((action) => action.startsWith('iam:')) && resourcesOf(statement).includes('*'));
    expect(offending).toEqual([]);
  });

  test.each(EVERY_ENVIRONMENT)('%s: iam:PassRole only with iam:PassedToService', (_name, iam) => {
    for (const statement of allows(statementsOf(iam.deploy)).filter((candidate) => actionsOf(candidate).includes('iam:PassRole'))) {
      expect(statement.Condition?.StringEquals?.['iam:PassedToService']).toBeDefined();
    }
  });

  test.each(EVERY_ENVIRONMENT)('%s: creating roles and changing their policies requires the environment\'s boundary', (_name, iam) => {
    const boundaryActions = ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy', 'iam:PutRolePermissionsBoundary'];
    const statements = allows(statementsOf(iam.deploy))
      .filter((statement) => actionsOf(statement).some((action) => boundaryActions.includes(action)));
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.Condition?.StringEquals?.['iam:PermissionsBoundary']).toMatch(/:policy\/delivery\/orders-[a-z]+-workload-boundary$/);
    }
  });

  test.each(EVERY_ENVIRONMENT)('%s: denies changing itself, the plan role and the boundary', (_name, iam) => {
    const denies = statementsOf(iam.deploy).filter((statement) => statement.Effect === 'Deny');
    const anyAccount = (arn: string) => arn.replace(/^(arn:aws:iam::)[^:]*:/, '$1ACCOUNT:');
    const denied = (action: string, arn: string) => denies.some((statement) =>
      actionsOf(statement).includes(action) && resourcesOf(statement).some((pattern) => matches(anyAccount(pattern), anyAccount(arn))));
    const own = `arn:aws:iam::ACCOUNT:role/delivery/${iam.deployRole.name}`;
    const plan = `arn:aws:iam::ACCOUNT:role/delivery/${iam.planRole.name}`;
    const boundary = `arn:aws:iam::ACCOUNT:policy/delivery/${iam.deployRole.name.replace('github-deploy', 'workload-boundary')}`;
    for (const action of ['iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:UpdateAssumeRolePolicy', 'iam:DeleteRolePermissionsBoundary']) {
      expect(denied(action, own)).toBe(true);
      expect(denied(action, plan)).toBe(true);
    }
    expect(denied('iam:CreatePolicyVersion', boundary)).toBe(true);
    expect(denied('iam:DeleteRolePermissionsBoundary', 'arn:aws:iam::1:role/anything')).toBe(true);
  });

  test.each(EVERY_ENVIRONMENT)('%s: the roles it manages cannot be the delivery roles', (_name, iam) => {
    const rolePatterns = allows(statementsOf(iam.deploy)).filter((statement) => actionsOf(statement).some((action) => action.startsWith('iam:')))
      .flatMap(resourcesOf).filter((arn) => arn.includes(':role/') && !arn.includes('aws-service-role'));
    for (const pattern of rolePatterns) {
      for (const role of [iam.deployRole, iam.planRole]) {
        expect(matches(pattern.replace(/::[^:]+:role/, '::ACCOUNT:role'), `arn:aws:iam::ACCOUNT:role${role.path}${role.name}`)).toBe(false);
      }
    }
  });

  test.each(EVERY_ENVIRONMENT)('%s: "*" resources are limited to the region, but for global services', (_name, iam) => {
    const globalActions = ['sts:GetCallerIdentity', 'route53:AssociateVPCWithHostedZone'];
    for (const statement of allows(statementsOf(iam.deploy)).filter((candidate) => resourcesOf(candidate).includes('*'))) {
      const global = actionsOf(statement).every((action) => globalActions.includes(action));
      const condition = statement.Condition ?? {};
      expect(global || condition.StringEquals?.['aws:RequestedRegion'] !== undefined || condition.ArnEquals?.['ecs:cluster'] !== undefined).toBe(true);
    }
  });

  test.each(EVERY_ENVIRONMENT)('%s: reads and writes only its environment\'s state (and publishes its static site)', (name, iam) => {
    const env = name.split('/')[1];
    const objects = allows(statementsOf(iam.deploy)).filter((statement) => actionsOf(statement).some((action) => ['s3:GetObject', 's3:PutObject'].includes(action)))
      .flatMap(resourcesOf);
    const site = name.startsWith('fullFeatures/') ? [`arn:aws:s3:::orders-${env}-site-*/*`] : [];
    expect(objects).toEqual([...site, `arn:aws:s3:::orders-terraform-state/orders/${env}/*`]);
  });

  test('with EC2 capacity, Service Connect and a static site, it manages instances, namespaces and CloudFront (without region condition)', () => {
    const statements = allows(statementsOf(IAM.fullFeatures.dev.deploy));
    const actions = statements.flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining([
      'autoscaling:CreateAutoScalingGroup', 'servicediscovery:CreateHttpNamespace', 'cloudfront:CreateDistribution',
      'iam:CreateInstanceProfile', 'iam:AttachRolePolicy', 'codepipeline:CreatePipeline', 'codedeploy:CreateDeploymentGroup',
    ]));
    const cloudFront = statements.find((statement) => actionsOf(statement).includes('cloudfront:CreateDistribution'))!;
    expect(cloudFront.Condition).toBeUndefined();
    expect(resourcesOf(cloudFront)).toEqual(['arn:aws:cloudfront::111122223333:distribution/*', 'arn:aws:cloudfront::111122223333:origin-access-control/*']);
  });

  test('without those features, it has none of their actions', () => {
    const actions = allows(statementsOf(IAM.githubRolling.dev.deploy)).flatMap(actionsOf);
    expect(actions.filter((action) => /^(autoscaling|servicediscovery|cloudfront|codepipeline|codedeploy):/.test(action))).toEqual([]);
  });
});

describe('plan role', () => {
  const SECRET_READS = /^(secretsmanager:GetSecretValue|ssm:GetParameter.*|logs:(GetLogEvents|FilterLogEvents|StartLiveTail)|ecr:(BatchGetImage|GetDownloadUrlForLayer)|kms:Decrypt)$/;

  test.each(EVERY_ENVIRONMENT)('%s: reads objects only of its environment\'s state', (name, iam) => {
    const env = name.split('/')[1];
    const objects = allows(statementsOf(iam.plan)).filter((statement) => actionsOf(statement).includes('s3:GetObject')).flatMap(resourcesOf);
    expect(objects).toEqual([`arn:aws:s3:::orders-terraform-state/orders/${env}/*`]);
  });

  test.each(EVERY_ENVIRONMENT)('%s: writes only its environment\'s lock files', (name, iam) => {
    const env = name.split('/')[1];
    const writes = allows(statementsOf(iam.plan)).filter((statement) => actionsOf(statement).some((action) => /^s3:(Put|Delete)/.test(action))).flatMap(resourcesOf);
    expect(writes).toEqual([`arn:aws:s3:::orders-terraform-state/orders/${env}/*.tflock`]);
  });

  test.each(EVERY_ENVIRONMENT)('%s: reads no secret values, log events or images (the state key only through S3)', (_name, iam) => {
    const statements = allows(statementsOf(iam.plan));
    const secretReads = statements.filter((statement) => actionsOf(statement).some((action) => SECRET_READS.test(action)));
    expect(secretReads.map((statement) => statement.Sid)).toEqual(['UseStateKeyThroughS3']);
    expect(secretReads[0].Condition?.StringEquals?.['kms:ViaService']).toBe('s3.us-east-1.amazonaws.com');
  });

  test.each(EVERY_ENVIRONMENT)('%s: changes nothing outside its lock files', (_name, iam) => {
    const writes = allows(statementsOf(iam.plan)).flatMap(actionsOf)
      .filter((action) => !/^[a-z0-9-]+:(Describe|List|Get|BatchGet)/.test(action) && action !== 'sts:GetCallerIdentity');
    expect([...new Set(writes)].sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey', 's3:DeleteObject', 's3:PutObject']);
  });
});

describe('permissions boundary', () => {
  test.each(EVERY_ENVIRONMENT)('%s: no IAM action but passing roles to ECS tasks, no STS, Organizations or account action', (_name, iam) => {
    const statements: PolicyStatement[] = JSON.parse(iam.boundary).Statement;
    const actions = statements.flatMap(actionsOf);
    expect(actions.filter((action) => /^(iam|sts|organizations|account):/.test(action))).toEqual(['iam:PassRole']);
    const passRole = statements.find((statement) => actionsOf(statement).includes('iam:PassRole'))!;
    expect(passRole.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } });
  });

  test.each(Object.entries(DEPLOYED))('is set on every role of the environment stacks of %s', (_name, config) => {
    const app = appOf(config);
    const environmentStacks = app.node.children
      .filter((child): child is TerraformStack => child instanceof TerraformStack && !(child instanceof BootstrapStack));
    for (const stack of environmentStacks) {
      const roles = Object.values<any>(JSON.parse(Testing.synth(stack)).resource?.aws_iam_role ?? {});
      for (const role of roles) {
        expect(role.permissions_boundary).toMatch(/^arn:aws:iam::\d{12}:policy\/delivery\/orders-[a-z]+-workload-boundary$/);
      }
    }
  });

  test('is not set without a bootstrap stack', () => {
    const app = appOf(DEFAULT_CONFIG);
    const service = app.node.findChild('dev-service') as TerraformStack;
    const roles = Object.values<any>(JSON.parse(Testing.synth(service)).resource.aws_iam_role);
    expect(roles.map((role) => role.permissions_boundary)).toEqual(roles.map(() => undefined));
  });
});

describe('policy sizes', () => {
  test.each(EVERY_ENVIRONMENT)('%s: every managed policy fits 6,144 characters, inline policies 10,240 per role, at most 10 attached', (_name, iam) => {
    for (const role of [iam.deploy, iam.plan]) {
      for (const policy of role.managed) {
        expect(renderedPolicyLength(policy)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARACTERS);
      }
      expect(role.inline.reduce((total, policy) => total + renderedPolicyLength(policy), 0)).toBeLessThanOrEqual(INLINE_POLICIES_MAX_CHARACTERS);
      expect(role.managed.length).toBeLessThanOrEqual(ATTACHED_POLICIES_MAX);
    }
    expect(renderedPolicyLength(iam.boundary)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARACTERS);
  });
});
