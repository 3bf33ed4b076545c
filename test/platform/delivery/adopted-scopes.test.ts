import { Testing } from 'cdktf';
import { AdoptedResourceKind } from '../../../src/options';
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
function bootstrapPolicies(): string {
  const app = Testing.app();
  createPlatform(app, CONFIG);
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
