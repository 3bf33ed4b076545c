import { EnvironmentScopes } from '../../../src/platform/delivery/environment-scopes';
import { FEATURE_CONFIGS } from '../support/seeds';

const config = FEATURE_CONFIGS.dataResources;
const scopes = new EnvironmentScopes({
  project: config.project,
  environment: config.environments[0],
  deployment: config.deployment,
  accountId: '111122223333',
  permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/boundary',
});
const arn = (service: string, resource: string) => `arn:aws:${service}:us-east-1:111122223333:${resource}`;

test('the deploy role manages exactly the databases, their groups and final snapshots', () => {
  expect(scopes.resolve('rdsResources').resources).toEqual([
    arn('rds', 'db:orders-prod-main-1'), arn('rds', 'db:orders-prod-main-2'), arn('rds', 'cluster:orders-prod-main'),
    arn('rds', 'subgrp:orders-prod-main'), arn('rds', 'cluster-pg:orders-prod-main-tls'),
    arn('rds', 'snapshot:orders-prod-main-final'), arn('rds', 'cluster-snapshot:orders-prod-main-final'),
  ]);
  expect(scopes.resolve('rdsMasterSecrets').resources).toEqual([arn('secretsmanager', 'secret:rds!*')]);
});

test('the deploy role manages exactly the caches, tables, bucket prefixes and database log groups', () => {
  expect(scopes.resolve('cacheResources').resources).toEqual([
    arn('elasticache', 'serverlesscache:orders-prod-sessions'), arn('elasticache', 'user:orders-prod-sessions-app'),
    arn('elasticache', 'user:orders-prod-sessions-default'), arn('elasticache', 'usergroup:orders-prod-sessions-users'),
  ]);
  expect(scopes.resolve('dynamodbTables').resources).toEqual([arn('dynamodb', 'table/orders-prod-orders')]);
  expect(scopes.resolve('buckets').resources).toContain('arn:aws:s3:::orders-prod-uploads-*');
  expect(scopes.resolve('logGroups').resources).toContain(arn('logs', 'log-group:/aws/rds/cluster/orders-prod-main/postgresql'));
});
