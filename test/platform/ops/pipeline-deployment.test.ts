import { CodeDeployClient, CreateDeploymentCommand, GetDeploymentCommand } from '@aws-sdk/client-codedeploy';
import { DescribeTaskDefinitionCommand, ECSClient, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { taskDefinitionArn, testContext } from './support';
import { DeploymentStrategy, TaskDefinitionOwner } from '../../../src/options';
import { deployRevision } from '../../../src/platform/ops/pipeline-deployment';
import { configOf } from '../support/configs';

const ecs = mockClient(ECSClient);
const codeDeploy = mockClient(CodeDeployClient);
const IMAGE = '111122223333.dkr.ecr.us-east-1.amazonaws.com/orders-dev/orders:new';
const deploymentOf = (strategy: DeploymentStrategy) => configOf({
  environments: [{ name: 'dev', account: '111122223333' }],
  services: [{ name: 'orders' }],
  terraformState: { bucket: 'orders-terraform-state' },
  deployment: { repository: 'acme/orders', strategy, taskDefinitionOwner: TaskDefinitionOwner.PIPELINE },
});

beforeEach(() => {
  ecs.reset();
  codeDeploy.reset();
  ecs.on(DescribeTaskDefinitionCommand).resolves({
    taskDefinition: { taskDefinitionArn: taskDefinitionArn(1), revision: 1, family: 'orders-dev-orders', containerDefinitions: [{ name: 'orders', image: 'old' }] },
  });
  ecs.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: taskDefinitionArn(2) } });
});

test('rolling: registers a revision with the new image and points the service at it', async () => {
  const { context } = testContext(deploymentOf(DeploymentStrategy.ROLLING));
  expect(await deployRevision(context, context.target.services[0], IMAGE)).toBe(taskDefinitionArn(2));
  expect(ecs.commandCalls(RegisterTaskDefinitionCommand)[0].args[0].input).toEqual(expect.objectContaining({
    family: 'orders-dev-orders', containerDefinitions: [{ name: 'orders', image: IMAGE }],
  }));
  expect(ecs.commandCalls(UpdateServiceCommand)[0].args[0].input).toEqual({ cluster: 'orders-dev', service: 'orders', taskDefinition: taskDefinitionArn(2) });
});

test('blue/green: hands the revision to CodeDeploy with the AppSpec and waits for it to succeed', async () => {
  codeDeploy.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-123' });
  codeDeploy.on(GetDeploymentCommand).resolvesOnce({ deploymentInfo: { status: 'InProgress' } }).resolves({ deploymentInfo: { status: 'Succeeded' } });
  const { context } = testContext(deploymentOf(DeploymentStrategy.BLUE_GREEN));
  await deployRevision(context, context.target.services[0], IMAGE, 1);
  const input = codeDeploy.commandCalls(CreateDeploymentCommand)[0].args[0].input;
  expect(input).toEqual(expect.objectContaining({ applicationName: 'orders-dev', deploymentGroupName: 'orders-dev-orders' }));
  expect(JSON.parse(input.revision?.appSpecContent?.content ?? '{}').Resources[0].TargetService.Properties.TaskDefinition).toBe(taskDefinitionArn(2));
  expect(codeDeploy.commandCalls(GetDeploymentCommand)).toHaveLength(2);
  expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
});

test('blue/green: a failed CodeDeploy deployment fails with its reason', async () => {
  codeDeploy.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-123' });
  codeDeploy.on(GetDeploymentCommand).resolves({ deploymentInfo: { status: 'Failed', errorInformation: { message: 'alarm orders-green-5xx fired' } } });
  const { context } = testContext(deploymentOf(DeploymentStrategy.BLUE_GREEN));
  await expect(deployRevision(context, context.target.services[0], IMAGE, 1)).rejects.toThrow('CodeDeploy deployment d-123 failed: alarm orders-green-5xx fired');
});
