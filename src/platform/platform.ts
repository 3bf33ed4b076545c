import { Construct } from 'constructs';
import { ClusterStack } from './cluster-stack';
import type { PlatformConfig } from './config';
import { stackName } from './naming';
import { NetworkStack } from './network-stack';
import { ServiceStack } from './service-stack';

/** The stacks of one environment. */
export interface EnvironmentStacks {
  /** Environment name. */
  readonly name: string;
  /** VPC, subnets, gateways and flow logs. */
  readonly network: NetworkStack;
  /** ECS cluster, KMS key, log group and ECR repositories. */
  readonly cluster: ClusterStack;
  /** Load balancer and Fargate services. */
  readonly service: ServiceStack;
}

/**
 * Adds the network, cluster and service stacks of every environment to the app, named
 * `<env>-network`, `<env>-cluster` and `<env>-service`, and records their deployment order
 * (network, cluster, service) in `manifest.json`.
 *
 * @param app the cdktf `App` (or any construct that may hold stacks)
 * @param config the resolved platform configuration
 * @returns the stacks of each environment, in configuration order
 */
export function createPlatform(app: Construct, config: PlatformConfig): EnvironmentStacks[] {
  return config.environments.map((environment) => {
    const props = { project: config.project, environment };
    const network = new NetworkStack(app, stackName(environment, 'network'), props);
    const cluster = new ClusterStack(app, stackName(environment, 'cluster'), { ...props, network });
    const service = new ServiceStack(app, stackName(environment, 'service'), { ...props, network, cluster });
    return { name: environment.name, network, cluster, service };
  });
}
