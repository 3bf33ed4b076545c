import { Construct } from 'constructs';
import { ClusterStack } from './cluster/cluster-stack';
import type { PlatformConfig } from './contract/config';
import { stackName } from './contract/naming';
import { DataStack } from './data/data-stack';
import { BootstrapStack } from './delivery/bootstrap-stack';
import { PipelineStack } from './delivery/pipeline-stack';
import { NetworkStack } from './network/network-stack';
import type { BlueGreenDeployment } from './service/blue-green-deployment';
import { configureServiceDeployment } from './service/deployment';
import { ServiceStack } from './service/service-stack';

/** The stacks of one environment. */
export interface EnvironmentStacks {
  /** Environment name. */
  readonly name: string;
  /** VPC, subnets, gateways and flow logs. */
  readonly network: NetworkStack;
  /** ECS cluster, KMS key, log group and ECR repositories. */
  readonly cluster: ClusterStack;
  /** Databases, caches, buckets and tables, when the environment has any. */
  readonly data?: DataStack;
  /** Load balancer and Fargate services. */
  readonly service: ServiceStack;
  /** CodeDeploy, green target groups and test listeners, with the blue-green strategy. */
  readonly blueGreen?: BlueGreenDeployment;
  /** CodePipeline, CodeBuild and artifacts, with the CodePipeline option. */
  readonly pipeline?: PipelineStack;
}

/**
 * Adds the network, cluster, data (when the environment has data resources) and service stacks of
 * every environment to the app, named `<env>-network`, `<env>-cluster`, `<env>-data` and
 * `<env>-service`, and records their deployment order (network, cluster, data, service) in `manifest.json`. Depending on `config.deployment`, also prepares
 * the services for blue/green, adds a `<env>-pipeline` stack per environment (CodePipeline) and
 * the `bootstrap` stack(s) with the state bucket and the GitHub OIDC roles.
 *
 * @param app the cdktf `App` (or any construct that may hold stacks)
 * @param config the resolved platform configuration
 * @returns the stacks of each environment, in configuration order
 */
export function createPlatform(app: Construct, config: PlatformConfig): EnvironmentStacks[] {
  const environments = config.environments.map((environment): EnvironmentStacks => {
    const props = { project: config.project, environment };
    const network = new NetworkStack(app, stackName(environment, 'network'), props);
    const cluster = new ClusterStack(app, stackName(environment, 'cluster'), { ...props, network });
    const data = environment.data !== undefined ? new DataStack(app, stackName(environment, 'data'), { ...props, network }) : undefined;
    if (data !== undefined) {
      // Deployed in this order, so the data stack never waits for the cluster nor the cluster for it.
      data.addDependency(cluster);
    }
    const service = new ServiceStack(app, stackName(environment, 'service'), { ...props, network, cluster, ...(data ? { data } : {}) });
    const blueGreen = configureServiceDeployment(service, config.deployment);
    const pipeline = config.deployment.pipeline === 'codepipeline'
      ? new PipelineStack(app, `${environment.name}-pipeline`, { ...props, deployment: config.deployment, cluster, service })
      : undefined;
    const optional = { ...(data ? { data } : {}), ...(blueGreen ? { blueGreen } : {}), ...(pipeline ? { pipeline } : {}) };
    return { name: environment.name, network, cluster, service, ...optional };
  });
  const stacksOf = (env: EnvironmentStacks) =>
    [env.network, env.cluster, ...(env.data ? [env.data] : []), env.service, ...(env.pipeline ? [env.pipeline] : [])];
  const environmentStacks = Object.fromEntries(environments.map((env) => [env.name, stacksOf(env)]));
  for (const bootstrap of config.deployment.bootstrap) {
    new BootstrapStack(app, bootstrap.stackName, { platform: config, bootstrap, environmentStacks });
  }
  return environments;
}
