import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { taskDefinitionArn, testContext } from './support';
import { EnvironmentPreset } from '../../../src/options';
import { destroy } from '../../../src/platform/ops/commands/destroy';
import { rollback } from '../../../src/platform/ops/commands/rollback';
import { configOf } from '../support/configs';

const sts = mockClient(STSClient);
const ecs = mockClient(ECSClient);
const ecr = mockClient(ECRClient);
const services = [{ name: 'orders' }];
const developmentData = configOf({ services, data: { buckets: [{ name: 'uploads', attachTo: ['orders'] }] } });
const STACKS = ['dev-network', 'dev-cluster', 'dev-data', 'dev-service'];

beforeEach(() => {
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/dev/me' });
});

test('an environment with data resources is not destroyed without --include-data', async () => {
  const { context, terraform } = testContext(developmentData);
  jest.spyOn(context, 'stacks').mockImplementation(() => [...STACKS]);
  await expect(destroy(context, { yes: true })).rejects.toThrow('dev has data resources in dev-data: pass --include-data to destroy them with the environment');
  expect(terraform.calls).toEqual([]);
});

test('with --include-data, the data stack goes after the services and before the cluster', async () => {
  const { context, terraform } = testContext(developmentData);
  jest.spyOn(context, 'stacks').mockImplementation(() => [...STACKS]);
  await destroy(context, { yes: true, includeData: true });
  expect(terraform.calls).toEqual(['destroy dev-service', 'destroy dev-data', 'destroy dev-cluster', 'destroy dev-network']);
});

test('protected data is never destroyed, even with --include-data', async () => {
  const config = configOf({
    environments: [{ name: 'prod', account: '111122223333', preset: EnvironmentPreset.PRODUCTION, deletionProtection: false }],
    services,
    data: { tables: [{ name: 'orders', partitionKey: { name: 'pk' }, attachTo: ['orders'] }] },
  });
  const { context, terraform } = testContext(config, 'prod');
  await expect(destroy(context, { yes: true, includeData: true })).rejects.toThrow(
    'prod-data holds protected data (orders): turn deletionProtection off (forceDestroy on for buckets) in .projenrc.ts');
  expect(terraform.calls).toEqual([]);
});

test('a deploy applies the data stack with the network and cluster, before the services', async () => {
  ecs.on(DescribeServicesCommand).resolves({ services: [{ serviceName: 'orders', status: 'ACTIVE', taskDefinition: taskDefinitionArn(2) }] });
  ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ name: 'orders', image: 'registry/orders-dev/orders:v2' }] } });
  ecr.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageTags: ['v1'], imagePushedAt: new Date(1) }, { imageTags: ['v2'], imagePushedAt: new Date(2) }] });
  const { context, terraform } = testContext(developmentData);
  jest.spyOn(context, 'stacks').mockImplementation(() => [...STACKS]);
  // The rollout then sees v2 (the mocked task definition) and fails: what matters is what was applied.
  await expect(rollback(context, { pollSeconds: 1, timeoutMinutes: 0 })).rejects.toThrow();
  expect(terraform.calls.map((call) => call.split(' ').slice(0, 2).join(' '))).toEqual(['apply dev-network', 'apply dev-cluster', 'apply dev-data', 'apply dev-service']);
});
