import { DatabaseKind, DeploymentOptions, DeploymentPipeline, DeploymentStrategy, CapacityProvider, EnvironmentPreset } from '../../../src/options';
import type { PlatformConfig } from '../../../src/platform/contract/config';
import { resolvePlatformConfig } from '../../../src/resolve/resolve';

/** A CodeConnections connection ARN in the configurations' account and region. */
export const CONNECTION_ARN = 'arn:aws:codeconnections:us-east-1:111122223333:connection/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';

/**
 * The configuration `npx projen` resolves for project `orders` with a dev (account 111122223333)
 * and a prod (account 444455556666, production preset) environment, S3 state and the given
 * deployment options.
 */
export function deploymentConfig(deployment: DeploymentOptions, options: { sameAccount?: boolean; certificate?: boolean } = {}): PlatformConfig {
  const prodAccount = options.sameAccount ? '111122223333' : '444455556666';
  // A load balancer uses certificates of its own account: each environment names its own.
  const certificate = (account: string) => (options.certificate ? { certificateArn: `arn:aws:acm:us-east-1:${account}:certificate/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9` } : {});
  return resolvePlatformConfig({
    name: 'orders',
    defaultReleaseBranch: 'main',
    environments: [
      { name: 'dev', account: '111122223333', ...certificate('111122223333') },
      { name: 'prod', account: prodAccount, preset: EnvironmentPreset.PRODUCTION, ...certificate(prodAccount) },
    ],
    terraformState: { bucket: 'orders-terraform-state' },
    ...(options.certificate ? {} : { loadBalancer: { allowPlainHttp: 'test fixture without TLS' } }),
    deployment,
  });
}

/** Deployment options by a short name. */
export const DEPLOYMENTS = {
  githubRolling: { repository: 'acme/orders' },
  githubBlueGreen: { repository: 'acme/orders', strategy: DeploymentStrategy.BLUE_GREEN },
  codePipelineRolling: { repository: 'acme/orders', pipeline: DeploymentPipeline.CODEPIPELINE, connectionArn: CONNECTION_ARN },
  codePipelineBlueGreen: { repository: 'acme/orders', pipeline: DeploymentPipeline.CODEPIPELINE, connectionArn: CONNECTION_ARN, strategy: DeploymentStrategy.BLUE_GREEN },
  immutableSubjects: { repository: 'acme/orders', ownerId: '1234567', repositoryId: '89012345' },
} satisfies Record<string, DeploymentOptions>;

/**
 * Every feature that adds resource types at once, deployed by CodePipeline with blue/green: EC2
 * capacity, the Service Connect namespace (the services stay off it: CodeDeploy does not support
 * Service Connect), ECS Exec, a static site, two services, an RDS instance, an Aurora cluster, a
 * cache, a bucket and a table; dev and prod (production preset, requires approval) in two accounts.
 */
export const FULL_FEATURE_DEPLOYMENT: PlatformConfig = resolvePlatformConfig({
  name: 'orders',
  defaultReleaseBranch: 'main',
  environments: [
    { name: 'dev', account: '111122223333' },
    { name: 'prod', account: '444455556666', preset: EnvironmentPreset.PRODUCTION },
  ],
  terraformState: { bucket: 'orders-terraform-state' },
  cluster: {
    capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2 }],
    ec2Capacity: { instanceType: 't3.medium' },
    serviceConnect: true,
    executeCommand: true,
  },
  services: [{ name: 'web', serviceConnect: false }, { name: 'api', serviceConnect: false, routing: { pathPatterns: ['/api/*'] } }],
  staticSite: {},
  data: {
    databases: [{ name: 'main', attachTo: ['api'] }, { name: 'events', kind: DatabaseKind.AURORA_SERVERLESS, iamAuthentication: true, attachTo: ['api'] }],
    caches: [{ name: 'sessions', attachTo: ['web'] }],
    buckets: [{ name: 'uploads', attachTo: ['web', 'api'] }],
    tables: [{ name: 'carts', partitionKey: { name: 'pk' }, attachTo: ['web'] }],
  },
  loadBalancer: { allowPlainHttp: 'test fixture without TLS' },
  deployment: { ...DEPLOYMENTS.codePipelineBlueGreen },
});
