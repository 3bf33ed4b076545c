import { EnvironmentScopes } from '../../../src/platform/delivery/environment-scopes';
import { SITE_PUBLISHING_PERMISSIONS } from '../../../src/platform/delivery/operations-permissions';
import { scopedStatements } from '../../../src/platform/delivery/scoped-statements';
import { configOf } from '../support/configs';

const statementsFor = (staticSite?: object) => {
  const config = configOf({ environments: [{ name: 'dev', account: '111122223333' }], ...(staticSite ? { staticSite } : {}) });
  const [environment] = config.environments;
  const scopes = new EnvironmentScopes({ project: 'orders', environment, deployment: config.deployment, accountId: '111122223333', permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/boundary' });
  return { environment, statements: scopedStatements([SITE_PUBLISHING_PERMISSIONS], scopes, 'read-write') };
};

test('publish-site may list, write and delete the site bucket\'s objects only', () => {
  const { environment, statements } = statementsFor({});
  const bucket = `arn:aws:s3:::${environment.staticSite!.bucketPrefix}*`;
  expect(statements.filter((statement) => statement.Sid !== 'ManageSiteDistribution')).toEqual([
    { Sid: 'ManageSiteBucket', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: bucket },
    { Sid: 'ManageSiteObjects', Effect: 'Allow', Action: ['s3:DeleteObject', 's3:PutObject'], Resource: `${bucket}/*` },
  ]);
});

test('publish-site may invalidate only distributions tagged with the environment', () => {
  const { statements } = statementsFor({});
  expect(statements.find((statement) => statement.Sid === 'ManageSiteDistribution')).toEqual({
    Sid: 'ManageSiteDistribution',
    Effect: 'Allow',
    Action: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
    Resource: 'arn:aws:cloudfront::111122223333:distribution/*',
    Condition: { StringEquals: { 'aws:ResourceTag/project': 'orders', 'aws:ResourceTag/environment': 'dev' } },
  });
});

test('an environment without a static site gets none of it', () => {
  expect(statementsFor().statements).toEqual([]);
});
