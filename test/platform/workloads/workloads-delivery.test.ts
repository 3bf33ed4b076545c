import { Testing } from 'cdktf';
import { EnvironmentPreset } from '../../../src/options';
import type { PolicyStatement } from '../../../src/platform/contract/policies';
import { BootstrapStack } from '../../../src/platform/delivery/bootstrap-stack';
import { MANAGED_POLICY_MAX_CHARACTERS, renderedPolicyLength } from '../../../src/platform/delivery/policy-size';
import { createPlatform } from '../../../src/platform/platform';
import { resolvePlatformConfig } from '../../../src/resolve/resolve';
import { DEPLOYMENTS } from '../support/deployment-configs';

// The deploy and plan roles of an environment with a worker, a job and topics, deployed through CodePipeline blue/green.
const CONFIG = resolvePlatformConfig({
  name: 'orders',
  defaultReleaseBranch: 'main',
  environments: [{ name: 'dev', account: '111122223333' }, { name: 'prod', account: '444455556666', preset: EnvironmentPreset.PRODUCTION }],
  terraformState: { bucket: 'orders-terraform-state' },
  loadBalancer: { allowPlainHttp: 'test configuration without TLS' },
  services: [{ name: 'web', publishes: ['order-events'] }],
  workers: [{ name: 'billing', subscribes: [{ topic: 'order-events' }] }],
  jobs: [{ name: 'nightly', schedule: 'rate(1 day)' }],
  deployment: { ...DEPLOYMENTS.codePipelineBlueGreen },
});

const app = Testing.app();
createPlatform(app, CONFIG);
const bootstrap = app.node.children.find((child): child is BootstrapStack => child instanceof BootstrapStack)!;
const policies = Object.values<any>(JSON.parse(Testing.synth(bootstrap)).resource.aws_iam_policy);
const deployPolicies = policies.filter((policy) => /^orders-dev-deploy-\d+$/.test(policy.name)).map((policy) => policy.policy as string);
const statements: PolicyStatement[] = deployPolicies.flatMap((policy) => JSON.parse(policy).Statement);
const resourcesFor = (action: string) => statements
  .filter((statement) => statement.Effect === 'Allow' && ([] as string[]).concat(statement.Action).includes(action))
  .flatMap((statement) => ([] as string[]).concat(statement.Resource ?? []));

test('the deploy role manages the queues and topics under the environment\'s prefix, and exactly the job\'s schedule and state machine', () => {
  expect(resourcesFor('sqs:CreateQueue')).toEqual(['arn:aws:sqs:us-east-1:111122223333:orders-dev-*']);
  expect(resourcesFor('sns:CreateTopic')).toEqual(['arn:aws:sns:us-east-1:111122223333:orders-dev-*']);
  expect(resourcesFor('scheduler:CreateSchedule')).toEqual(['arn:aws:scheduler:us-east-1:111122223333:schedule/default/orders-dev-nightly']);
  expect(resourcesFor('states:CreateStateMachine')).toEqual(['arn:aws:states:us-east-1:111122223333:stateMachine:orders-dev-nightly']);
  expect(resourcesFor('ecs:CreateService')).toContain('arn:aws:ecs:us-east-1:111122223333:service/orders-dev/billing');
});

test('the deploy role may pass roles to the scheduler and Step Functions only for the environment\'s roles', () => {
  const passRole = statements.filter((statement) => ([] as string[]).concat(statement.Action).includes('iam:PassRole'));
  const services = passRole.flatMap((statement) => ([] as string[]).concat(statement.Condition?.StringEquals?.['iam:PassedToService'] ?? []));
  expect(services).toEqual(expect.arrayContaining(['scheduler.amazonaws.com', 'states.amazonaws.com', 'ecs-tasks.amazonaws.com']));
  expect(passRole.flatMap((statement) => ([] as string[]).concat(statement.Resource ?? []))).toEqual(expect.arrayContaining(['arn:aws:iam::111122223333:role/orders-dev-*']));
});

test('the deploy policies stay within IAM\'s managed policy size', () => {
  expect(Math.max(...deployPolicies.map(renderedPolicyLength))).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARACTERS);
});

test('the permissions boundary of the environment\'s roles lets the scheduler and the state machine do their work', () => {
  const boundary = policies.find((policy) => policy.name === 'orders-dev-workload-boundary')!.policy;
  const allowed = JSON.parse(boundary).Statement.flatMap((statement: PolicyStatement) => ([] as string[]).concat(statement.Action));
  const needed = [
    'states:StartExecution', 'sqs:SendMessage', 'kms:GenerateDataKey',
    'ecs:RunTask', 'ecs:ListTasks', 'ecs:DescribeTasks', 'ecs:StopTask', 'ecs:TagResource', 'iam:PassRole', 'events:PutRule', 'events:PutTargets',
    'logs:CreateLogDelivery', 'xray:PutTraceSegments', 'sqs:ReceiveMessage', 'sns:Publish',
  ];
  expect(needed.filter((action) => !allowed.includes(action))).toEqual([]);
});

test('the plan role may validate state machine definitions, which hashicorp/aws does at plan time', () => {
  const planStatements: PolicyStatement[] = policies.filter((policy) => /^orders-dev-plan-\d+$/.test(policy.name)).flatMap((policy) => JSON.parse(policy.policy).Statement);
  const validate = planStatements.filter((statement) => ([] as string[]).concat(statement.Action).includes('states:ValidateStateMachineDefinition'));
  expect(validate.flatMap((statement) => ([] as string[]).concat(statement.Resource ?? []))).toEqual(['*']);
});
