import { Deployment, DescribeServicesCommand, DescribeTaskDefinitionCommand, DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { testContext, taskDefinitionArn } from './support';
import { waitForRollout } from '../../../src/platform/ops/rollout';

const ecs = mockClient(ECSClient);
const images: Record<string, string> = {
  [taskDefinitionArn(1)]: '111122223333.dkr.ecr.us-east-1.amazonaws.com/orders-dev/orders:old',
  [taskDefinitionArn(2)]: '111122223333.dkr.ecr.us-east-1.amazonaws.com/orders-dev/orders:new',
};

beforeEach(() => {
  ecs.reset();
  ecs.on(DescribeTaskDefinitionCommand).callsFake((input) => ({
    taskDefinition: { taskDefinitionArn: input.taskDefinition, containerDefinitions: [{ name: 'orders', image: images[input.taskDefinition] }] },
  }));
  ecs.on(ListTasksCommand).resolves({ taskArns: ['arn:aws:ecs:us-east-1:111122223333:task/orders-dev/abc123'] });
  ecs.on(DescribeTasksCommand).resolves({
    tasks: [{ taskArn: 'arn:aws:ecs:us-east-1:111122223333:task/orders-dev/abc123', stoppedReason: 'Essential container in task exited', containers: [{ name: 'orders', exitCode: 1 }] }],
  });
});

const service = (deployments: Deployment[]) => ({
  services: [{ serviceName: 'orders', status: 'ACTIVE', deployments, events: [{ createdAt: new Date(0), message: '(service orders) has started 1 tasks' }] }],
});

test('waits until the primary deployment completed on the new image', async () => {
  const { context } = testContext();
  ecs.on(DescribeServicesCommand)
    .resolvesOnce(service([{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' as const, taskDefinition: taskDefinitionArn(2) }, { status: 'ACTIVE', rolloutState: 'COMPLETED' as const, taskDefinition: taskDefinitionArn(1) }]))
    .resolves(service([{ status: 'PRIMARY', rolloutState: 'COMPLETED' as const, taskDefinition: taskDefinitionArn(2) }]));
  await waitForRollout(context, context.target.services[0], { imageTag: 'new', pollSeconds: 1 });
  expect(ecs.commandCalls(DescribeServicesCommand)).toHaveLength(2);
});

test('a failed deployment fails with the stopped tasks\' reasons and the last events', async () => {
  const { context } = testContext();
  ecs.on(DescribeServicesCommand).resolves(service([{ status: 'PRIMARY', rolloutState: 'FAILED' as const, taskDefinition: taskDefinitionArn(2) }]));
  await expect(waitForRollout(context, context.target.services[0], { imageTag: 'new' }))
    .rejects.toThrow(/the deployment failed[\s\S]*stopped task abc123: Essential container in task exited; orders exit 1[\s\S]*has started 1 tasks/);
});

test('a deployment the circuit breaker rolled back fails: the old image runs', async () => {
  const { context } = testContext();
  ecs.on(DescribeServicesCommand).resolves(service([{ status: 'PRIMARY', rolloutState: 'COMPLETED' as const, taskDefinition: taskDefinitionArn(1) }]));
  await expect(waitForRollout(context, context.target.services[0], { imageTag: 'new' })).rejects.toThrow(/not image new: the deployment was rolled back/);
});

test('gives up after the timeout', async () => {
  const { context } = testContext();
  ecs.on(DescribeServicesCommand).resolves(service([{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' as const, taskDefinition: taskDefinitionArn(2) }]));
  await expect(waitForRollout(context, context.target.services[0], { imageTag: 'new', timeoutSeconds: 0 })).rejects.toThrow(/did not finish within 0.0 s/);
});
