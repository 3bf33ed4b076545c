import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { testContext } from './support';
import { DeploymentStrategy } from '../../../src/options';
import { writePipelineArtifacts } from '../../../src/platform/ops/pipeline-artifacts';
import { configOf } from '../support/configs';

const ecs = mockClient(ECSClient);
const dir = mkdtempSync(join(tmpdir(), 'pipeline-artifacts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf-8'));
const IMAGE = '111122223333.dkr.ecr.us-east-1.amazonaws.com/orders-dev/orders:abc';

test('rolling: imagedefinitions.json names the container and the pushed image', async () => {
  const { context } = testContext();
  expect(await writePipelineArtifacts(context, context.target.services[0], IMAGE, dir)).toEqual(['imagedefinitions.json']);
  expect(read('imagedefinitions.json')).toEqual([{ name: 'orders', imageUri: IMAGE }]);
});

describe('blue/green', () => {
  const config = configOf({
    environments: [{ name: 'dev', account: '111122223333' }],
    services: [{ name: 'orders' }],
    terraformState: { bucket: 'orders-terraform-state' },
    deployment: { repository: 'acme/orders', strategy: DeploymentStrategy.BLUE_GREEN },
  });

  beforeAll(async () => {
    ecs.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: {
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:111122223333:task-definition/orders-dev-orders:7',
        revision: 7,
        family: 'orders-dev-orders',
        containerDefinitions: [{ name: 'orders', image: 'old' }, { name: 'proxy', image: 'nginx' }],
      },
    });
    const { context } = testContext(config);
    await writePipelineArtifacts(context, context.target.services[0], IMAGE, dir);
  });

  test('the task definition template leaves the service\'s image to CodePipeline and drops read-only fields', () => {
    const template = read('taskdef.json');
    expect(template.containerDefinitions).toEqual([{ name: 'orders', image: '<IMAGE1_NAME>' }, { name: 'proxy', image: 'nginx' }]);
    expect(template.taskDefinitionArn).toBeUndefined();
    expect(template.revision).toBeUndefined();
  });

  test('the AppSpec targets the load-balanced container with the task definition placeholder', () => {
    expect(read('appspec.yaml').Resources[0].TargetService.Properties).toEqual({
      TaskDefinition: '<TASK_DEFINITION>',
      LoadBalancerInfo: { ContainerName: 'orders', ContainerPort: 8080 },
    });
  });

  test('imageDetail.json holds the pushed image', () => {
    expect(read('imageDetail.json')).toEqual({ ImageURI: IMAGE });
  });
});
