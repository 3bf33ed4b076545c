import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeServicesCommand, DescribeTaskDefinitionCommand, DescribeTasksCommand, ECSClient,
  RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand, UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { taskDefinitionArn, testContext } from './support';
import { TaskDefinitionOwner } from '../../../src/options';
import { deploy } from '../../../src/platform/ops/commands/deploy';
import { releaseTask } from '../../../src/platform/ops/commands/release-task';
import { deployRevision } from '../../../src/platform/ops/pipeline-deployment';
import { releasePrerequisites } from '../../../src/platform/ops/release-tasks';
import type { StackJson } from '../../../src/platform/ops/terraform';
import { configOf } from '../support/configs';

const ecs = mockClient(ECSClient);
const logs = mockClient(CloudWatchLogsClient);
const sts = mockClient(STSClient);
const TASK = 'arn:aws:ecs:us-east-1:111122223333:task/orders-dev/0123456789abcdef';
const NETWORK = { awsvpcConfiguration: { subnets: ['subnet-1', 'subnet-2'], securityGroups: ['sg-tasks'], assignPublicIp: 'DISABLED' as const } };
const release = { command: ['node', 'migrate.js'], timeoutSeconds: 120 };
/** External image: deploy builds nothing. */
const terraformOwned = configOf({
  environments: [{ name: 'dev', account: '111122223333' }],
  services: [{ name: 'orders', image: 'public.ecr.aws/nginx/nginx:1.27', release }],
});
const pipelineOwned = configOf({
  environments: [{ name: 'dev', account: '111122223333' }],
  services: [{ name: 'orders', release }],
  terraformState: { bucket: 'orders-terraform-state' },
  deployment: { repository: 'acme/orders', taskDefinitionOwner: TaskDefinitionOwner.PIPELINE },
});
const STACK: StackJson = {
  resource: {
    aws_ecs_task_definition: { service_orders_task_definition_DF85AB0B: { family: 'orders-dev-orders' } },
    aws_iam_role: { service_orders_roles_execution_role_FD543C12: {}, service_orders_roles_task_role_6036B575: {} },
    aws_security_group: { service_orders_security_group_CBAACDD8: {}, ingress_security_group_92A7AE74: {} },
    aws_ecs_service: { service_orders_service_67E93302: {} },
  },
};
const PREREQUISITES = [
  'aws_ecs_task_definition.service_orders_task_definition_DF85AB0B',
  'aws_iam_role.service_orders_roles_execution_role_FD543C12',
  'aws_iam_role.service_orders_roles_task_role_6036B575',
  'aws_security_group.service_orders_security_group_CBAACDD8',
];

beforeEach(() => {
  ecs.reset();
  logs.reset();
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
  logs.on(GetLogEventsCommand).resolves({ events: [{ message: 'migrated 3 tables\n' }] });
  ecs.on(DescribeServicesCommand).resolves({
    services: [{
      status: 'ACTIVE',
      taskDefinition: taskDefinitionArn(1),
      networkConfiguration: NETWORK,
      launchType: 'FARGATE',
      deployments: [{ status: 'PRIMARY', taskDefinition: taskDefinitionArn(2), rolloutState: 'COMPLETED' }],
    }],
  });
  ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK }] });
  ecs.on(DescribeTaskDefinitionCommand).resolves({
    taskDefinition: { taskDefinitionArn: taskDefinitionArn(1), family: 'orders-dev-orders', containerDefinitions: [{ name: 'orders', image: 'old' }] },
  });
  ecs.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: taskDefinitionArn(2) } });
});

afterEach(() => jest.restoreAllMocks());

const exits = (exitCode: number) => ecs.on(DescribeTasksCommand).resolves({ tasks: [{ lastStatus: 'STOPPED', containers: [{ name: 'orders', exitCode }] }] });

function terraformDeployment() {
  const { context, terraform, output } = testContext(terraformOwned);
  jest.spyOn(context, 'stacks').mockReturnValue(['dev-network', 'dev-cluster', 'dev-service']);
  jest.spyOn(terraform, 'stackJson').mockReturnValue(STACK);
  jest.spyOn(terraform, 'stateResources').mockResolvedValue([
    { address: PREREQUISITES[0], type: 'aws_ecs_task_definition', values: { arn: taskDefinitionArn(2) } },
    { address: PREREQUISITES[3], type: 'aws_security_group', values: { id: 'sg-tasks' } },
  ]);
  return { context, terraform, output, run: () => deploy(context, { imageTag: 'abc1234', pollSeconds: 1 }) };
}

describe('deploy with Terraform-owned task definitions', () => {
  test('registers the new revision by a targeted apply, runs the release task on it, then applies the service stack', async () => {
    exits(0);
    const { terraform, output, run } = terraformDeployment();
    await run();
    const tag = JSON.stringify({ image_tag: 'abc1234' });
    expect(terraform.calls).toEqual([
      `apply dev-network ${tag}`,
      `apply dev-cluster ${tag}`,
      `apply dev-service ${tag} -target ${PREREQUISITES.join(' ')}`,
      `apply dev-service ${tag}`,
    ]);
    expect(ecs.commandCalls(RunTaskCommand)[0].args[0].input).toEqual(expect.objectContaining({
      cluster: 'orders-dev',
      taskDefinition: taskDefinitionArn(2),
      networkConfiguration: NETWORK,
      overrides: { containerOverrides: [{ name: 'orders', command: ['node', 'migrate.js'] }] },
    }));
    expect(output.lines).toContain('  migrated 3 tables');
  });

  test('a non-zero exit stops the deploy before the service stack is applied', async () => {
    exits(3);
    const { terraform, run } = terraformDeployment();
    await expect(run()).rejects.toThrow('the release task of orders exited with 3: the deployment stops and orders keeps its current revision');
    expect(terraform.calls.filter((call) => call.startsWith('apply dev-service'))).toEqual([expect.stringContaining('-target')]);
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
  });

  test('a release task still running at its timeout is stopped and stops the deploy', async () => {
    ecs.on(DescribeTasksCommand).resolves({ tasks: [{ lastStatus: 'RUNNING' }] });
    let now = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => (now += 30_000));
    const { terraform, run } = terraformDeployment();
    await expect(run()).rejects.toThrow('the release task of orders failed: task 0123456789abcdef did not stop within 2 min 00 s; it was stopped; the deployment stops');
    expect(ecs.commandCalls(StopTaskCommand)[0].args[0].input).toEqual(expect.objectContaining({ cluster: 'orders-dev', task: TASK }));
    expect(terraform.calls.filter((call) => call.startsWith('apply dev-service'))).toHaveLength(1);
  });

  test('a task ECS does not start stops the deploy with ECS\'s reason', async () => {
    ecs.on(RunTaskCommand).resolves({ tasks: [], failures: [{ reason: 'RESOURCE:ENI' }] });
    const { terraform, run } = terraformDeployment();
    await expect(run()).rejects.toThrow('ECS did not start the task: RESOURCE:ENI');
    expect(terraform.calls.filter((call) => call.startsWith('apply dev-service'))).toHaveLength(1);
  });

  test('before the first deployment the task runs in the private subnets with the service\'s security group', async () => {
    exits(0);
    ecs.on(DescribeServicesCommand).resolvesOnce({ services: [] });
    const { terraform, run } = terraformDeployment();
    terraform.stackOutputs = { private_subnet_ids: ['subnet-a', 'subnet-b'] };
    await run().catch(() => undefined);
    expect(ecs.commandCalls(RunTaskCommand)[0].args[0].input).toEqual(expect.objectContaining({
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-tasks'], assignPublicIp: 'DISABLED' } },
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', base: 0, weight: 3 }, { capacityProvider: 'FARGATE', base: 0, weight: 1 }],
    }));
  });
});

describe('pipeline-owned task definitions', () => {
  const IMAGE = '111122223333.dkr.ecr.us-east-1.amazonaws.com/orders-dev/orders:new';

  test('the release task runs on the registered revision before the service is updated', async () => {
    exits(0);
    const { context } = testContext(pipelineOwned);
    await deployRevision(context, context.target.services[0], IMAGE);
    expect(ecs.commandCalls(RunTaskCommand)[0].args[0].input.taskDefinition).toBe(taskDefinitionArn(2));
    expect(ecs.commandCalls(UpdateServiceCommand)[0].args[0].input.taskDefinition).toBe(taskDefinitionArn(2));
  });

  test('a non-zero exit leaves the service alone', async () => {
    exits(1);
    const { context } = testContext(pipelineOwned);
    await expect(deployRevision(context, context.target.services[0], IMAGE)).rejects.toThrow('exited with 1');
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
  });

  test('release-task (CodePipeline) registers a revision with the pushed image and runs the task on it', async () => {
    exits(0);
    const { context } = testContext(pipelineOwned);
    expect(await releaseTask(context, { service: 'orders', imageTag: 'abc1234' })).toBe(0);
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)[0].args[0].input.containerDefinitions)
      .toEqual([{ name: 'orders', image: '111122223333.dkr.ecr.us-east-1.amazonaws.com/orders-dev/orders:abc1234' }]);
    expect(ecs.commandCalls(RunTaskCommand)[0].args[0].input)
      .toEqual(expect.objectContaining({ taskDefinition: taskDefinitionArn(2), networkConfiguration: NETWORK }));
  });

  test('release-task of a service without one is an error naming the option', async () => {
    const { context } = testContext();
    await expect(releaseTask(context, { service: 'orders', imageTag: 'abc1234' })).rejects.toThrow('orders has no release task in dev; set services[].release');
  });
});

test('a service\'s prerequisites are its own, not those of a service whose name extends it', () => {
  const stack: StackJson = {
    resource: {
      aws_ecs_task_definition: { service_web_task_definition_0A1B2C3D: { family: 'orders-dev-web' }, service_web_admin_task_definition_4E5F6A7B: { family: 'orders-dev-web-admin' } },
      aws_security_group: { service_web_security_group_11111111: {}, service_web_admin_security_group_22222222: {} },
    },
  };
  expect(releasePrerequisites(stack, 'orders-dev-web')).toEqual(['aws_ecs_task_definition.service_web_task_definition_0A1B2C3D', 'aws_security_group.service_web_security_group_11111111']);
});
