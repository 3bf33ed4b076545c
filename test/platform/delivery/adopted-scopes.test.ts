import { Testing } from 'cdktf';
import { AdoptedResourceKind } from '../../../src/options';
import type { PlatformConfig } from '../../../src/platform/contract/config';
import { BootstrapStack } from '../../../src/platform/delivery/bootstrap-stack';
import { createPlatform } from '../../../src/platform/platform';
import { resolvePlatformConfig } from '../../../src/resolve/resolve';

const CONFIG = resolvePlatformConfig({
  name: 'shop',
  defaultReleaseBranch: 'main',
  services: [{ name: 'api' }],
  environments: [{
    name: 'dev',
    account: '111122223333',
    adopt: [
      { kind: AdoptedResourceKind.ECR_REPOSITORY, service: 'api', id: 'shop/api' },
      { kind: AdoptedResourceKind.LOG_GROUP, id: '/copilot/shop-dev-api' },
    ],
  }],
  terraformState: { bucket: 'shop-terraform-state' },
  deployment: { repository: 'acme/shop' },
});

/** Every managed policy of the bootstrap stack, as text. */
function bootstrapPolicies(config: PlatformConfig = CONFIG): string {
  const app = Testing.app();
  createPlatform(app, config);
  const bootstrap = app.node.children.find((child): child is BootstrapStack => child instanceof BootstrapStack)!;
  return Object.values<any>(JSON.parse(Testing.synth(bootstrap)).resource.aws_iam_policy).map((policy) => policy.policy).join('\n');
}

describe('delivery roles of an environment with adopted resources', () => {
  const policies = bootstrapPolicies();

  test('reach the adopted repository and log group by their own names, not the names the platform would give', () => {
    expect(policies).toContain('arn:aws:ecr:us-east-1:111122223333:repository/shop/api');
    expect(policies).toContain('arn:aws:logs:us-east-1:111122223333:log-group:/copilot/shop-dev-api');
    expect(policies).not.toContain('repository/shop-dev/api');
  });
});

describe('delivery roles of an environment with an adopted table and bucket', () => {
  const config = resolvePlatformConfig({
    name: 'shop',
    defaultReleaseBranch: 'main',
    services: [{ name: 'api' }],
    data: {
      tables: [{ name: 'carts', partitionKey: { name: 'id' }, attachTo: ['api'] }],
      buckets: [{ name: 'uploads', attachTo: ['api'] }],
    },
    environments: [{
      name: 'dev',
      account: '111122223333',
      adopt: [
        { kind: AdoptedResourceKind.DYNAMODB_TABLE, id: 'shop-dev-api-carts', dataResource: 'carts' },
        { kind: AdoptedResourceKind.S3_BUCKET, id: 'shop-dev-api-addonsstack-1a2b-uploadsbucket-9z8y', dataResource: 'uploads' },
      ],
    }],
    terraformState: { bucket: 'shop-terraform-state' },
    deployment: { repository: 'acme/shop' },
  });
  const policies = bootstrapPolicies(config);

  test('reach the adopted table and bucket by their exact names', () => {
    expect(policies).toContain('arn:aws:dynamodb:us-east-1:111122223333:table/shop-dev-api-carts"');
    expect(policies).toContain('arn:aws:s3:::shop-dev-api-addonsstack-1a2b-uploadsbucket-9z8y"');
    expect(policies).not.toContain('arn:aws:s3:::shop-dev-uploads-');
  });
});
