import { DEFAULT_CONFIG, MULTI_CONFIG, VARIANTS, withEnvironment } from '../support/configs';
import { bodiesOf, onlyResource, parseJson, refTo, statementWithSid, synthEnvironment } from '../support/synth';

const { cluster } = synthEnvironment(DEFAULT_CONFIG);
// The alarm topic has a key of its own.
const key = bodiesOf(cluster, 'aws_kms_key').find((candidate) => String(candidate.description).startsWith('Encrypts the logs'))!;
const keyArn = refTo(cluster, 'aws_kms_key', key, 'arn');
const repository = onlyResource(cluster, 'aws_ecr_repository');

describe('cluster stack', () => {
  test('a development environment\'s repositories are deleted with their images on destroy', () => {
    expect(repository.force_delete).toBe(true);
  });

  test('a production environment\'s repositories keep their images: destroy fails while they hold any', () => {
    const production = synthEnvironment(MULTI_CONFIG, 1).cluster;
    expect(bodiesOf(production, 'aws_ecr_repository').map((body) => body.force_delete)).toEqual([false, false]);
  });

  test('the KMS key rotates and has an alias named after the environment', () => {
    expect(key.enable_key_rotation).toBe(true);
    expect(bodiesOf(cluster, 'aws_kms_alias').find((alias) => alias.name === 'alias/orders-dev')).toEqual(expect.objectContaining({
      target_key_id: refTo(cluster, 'aws_kms_key', key, 'key_id'),
    }));
  });

  test('the key policy lets the account administer the key through IAM', () => {
    expect(statementWithSid(key.policy, 'AccountAdministersKeyThroughIam')).toEqual(expect.objectContaining({
      Principal: { AWS: 'arn:aws:iam::${local.account_id}:root' },
      Action: 'kms:*',
    }));
  });

  test('the key policy lets CloudWatch Logs use the key only for this environment\'s log groups', () => {
    expect(statementWithSid(key.policy, 'CloudWatchLogsEncryptsTheseLogGroups')).toEqual(expect.objectContaining({
      Principal: { Service: 'logs.us-east-1.amazonaws.com' },
      Condition: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': [
            'arn:aws:logs:us-east-1:${local.account_id}:log-group:/ecs/orders-dev',
            'arn:aws:logs:us-east-1:${local.account_id}:log-group:/ecs/orders-dev/*',
          ],
        },
      },
    }));
  });

  test('the cluster is named <project>-<env> with Container Insights enabled', () => {
    expect(onlyResource(cluster, 'aws_ecs_cluster')).toEqual(expect.objectContaining({
      name: 'orders-dev',
      setting: [{ name: 'containerInsights', value: 'enabled' }],
    }));
  });

  test('Container Insights can be switched off', () => {
    const config = withEnvironment((env) => ({ cluster: { ...env.cluster, containerInsights: false } }));
    expect(onlyResource(synthEnvironment(config).cluster, 'aws_ecs_cluster').setting).toEqual([{ name: 'containerInsights', value: 'disabled' }]);
  });

  test('the cluster offers FARGATE and FARGATE_SPOT and, in development, places tasks on Spot first', () => {
    expect(onlyResource(cluster, 'aws_ecs_cluster_capacity_providers')).toEqual(expect.objectContaining({
      capacity_providers: ['FARGATE', 'FARGATE_SPOT'],
      default_capacity_provider_strategy: [
        { capacity_provider: 'FARGATE_SPOT', base: 0, weight: 3 },
        { capacity_provider: 'FARGATE', base: 0, weight: 1 },
      ],
    }));
  });

  test('each service built here gets a repository named <project>-<env>/<service>', () => {
    expect(repository.name).toBe('orders-dev/orders');
  });

  test('ECR is immutable, scanned on push and KMS-encrypted with the cluster key', () => {
    expect(repository).toEqual(expect.objectContaining({
      image_tag_mutability: 'IMMUTABLE',
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: 'KMS', kms_key: keyArn }],
    }));
  });

  test('the lifecycle policy first expires untagged images, then keeps the last images', () => {
    const lifecycle = onlyResource(cluster, 'aws_ecr_lifecycle_policy');
    expect(lifecycle.repository).toBe(refTo(cluster, 'aws_ecr_repository', repository, 'name'));
    expect(parseJson(lifecycle.policy).rules).toEqual([
      expect.objectContaining({
        rulePriority: 1,
        selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 },
        action: { type: 'expire' },
      }),
      expect.objectContaining({
        rulePriority: 2,
        selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 },
        action: { type: 'expire' },
      }),
    ]);
  });

  test('services with an external image get no repository', () => {
    const external = synthEnvironment(VARIANTS.externalImage).cluster;
    expect(bodiesOf(external, 'aws_ecr_repository')).toEqual([]);
    expect(external.output?.ecr_repository_urls.value).toEqual({});
  });

  test('the services\' log group is /ecs/<project>-<env>, KMS-encrypted, with the configured retention', () => {
    expect(bodiesOf(cluster, 'aws_cloudwatch_log_group').find((group) => group.name === '/ecs/orders-dev')).toEqual(expect.objectContaining({
      name: '/ecs/orders-dev',
      retention_in_days: 30,
      kms_key_id: keyArn,
    }));
  });

  test('outputs the cluster, key, log group and repositories under fixed names', () => {
    expect(Object.keys(cluster.output ?? {}).sort()).toEqual([
      'alarm_topic_arn', 'cluster_arn', 'cluster_name', 'ecr_repository_arns', 'ecr_repository_urls', 'exec_log_group_arn', 'kms_key_arn', 'log_group_arn', 'log_group_name',
    ]);
    expect(cluster.output?.ecr_repository_urls.value).toEqual({ orders: refTo(cluster, 'aws_ecr_repository', repository, 'repository_url') });
    expect(cluster.output?.ecr_repository_arns.value).toEqual({ orders: refTo(cluster, 'aws_ecr_repository', repository, 'arn') });
  });
});
