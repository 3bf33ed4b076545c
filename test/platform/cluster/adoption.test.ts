import { AdoptedResourceKind } from '../../../src/options';
import { configOf } from '../support/configs';
import { bodiesOf, onlyResource, refTo, resourcesOf, statementWithSid, synthEnvironment } from '../support/synth';

const ADOPTED = configOf({
  services: [{ name: 'api' }],
  environments: [{
    name: 'dev',
    adopt: [
      { kind: AdoptedResourceKind.ECR_REPOSITORY, service: 'api', id: 'shop/api' },
      { kind: AdoptedResourceKind.LOG_GROUP, id: '/copilot/shop-dev-api' },
    ],
  }],
});
const { cluster } = synthEnvironment(ADOPTED);
const imports = (cluster as unknown as { import?: Array<{ to: string; id: string }> }).import ?? [];
/** The key of the cluster's logs (the cluster stack has others, e.g. the alarm topic's). */
const logKey = () => bodiesOf(cluster, 'aws_kms_key').find((candidate) => String(candidate.description).startsWith('Encrypts the logs'))!;
const addressOf = (type: string, name: string): string =>
  `${type}.${Object.entries(resourcesOf(cluster, type)).find(([, body]) => body.name === name)![0]}`;

describe('adopted resources', () => {
  test('the cluster stack imports the adopted repository and log group by their ids', () => {
    expect(imports).toEqual(expect.arrayContaining([
      expect.objectContaining({ to: addressOf('aws_ecr_repository', 'shop/api'), id: 'shop/api' }),
      expect.objectContaining({ to: addressOf('aws_cloudwatch_log_group', '/copilot/shop-dev-api'), id: '/copilot/shop-dev-api' }),
    ]));
    expect(imports).toHaveLength(2);
  });

  test('an adopted repository keeps its name and its AES-256 encryption (changing it would recreate the repository)', () => {
    expect(onlyResource(cluster, 'aws_ecr_repository')).toEqual(expect.objectContaining({
      name: 'shop/api',
      encryption_configuration: [{ encryption_type: 'AES256' }],
    }));
  });

  test('an adopted log group keeps its name and gets the environment\'s key and retention', () => {
    const logGroup = Object.values(resourcesOf(cluster, 'aws_cloudwatch_log_group')).find((body) => body.name === '/copilot/shop-dev-api');
    const key = logKey();
    expect(logGroup).toEqual(expect.objectContaining({ retention_in_days: 30, kms_key_id: refTo(cluster, 'aws_kms_key', key, 'arn') }));
  });

  test('the key policy lets CloudWatch Logs encrypt the adopted log group', () => {
    const key = logKey();
    expect(JSON.stringify(statementWithSid(key.policy, 'CloudWatchLogsEncryptsTheseLogGroups'))).toContain('log-group:/copilot/shop-dev-api');
  });

  test('the deployment pushes images to the adopted repository', () => {
    expect(ADOPTED.environments[0].deployment.services[0].imageRepositoryName).toBe('shop/api');
  });

  test('an environment that adopts nothing has no import block', () => {
    const plain = synthEnvironment(configOf({ services: [{ name: 'api' }] })).cluster as unknown as Record<string, unknown>;
    expect(plain.import).toBeUndefined();
  });
});
