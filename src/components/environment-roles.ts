import type { EnvironmentConfig } from '../platform/contract/config';

/** An environment and the role a workflow job assumes in it. */
export interface EnvironmentRole {
  readonly environment: EnvironmentConfig;
  readonly roleArn: string;
}

/** The environments GitHub Actions deploys (those with a deploy role), each with that role. */
export function deployRoles(environments: EnvironmentConfig[]): EnvironmentRole[] {
  return environments.flatMap((environment) => {
    const roleArn = environment.deployment.deployRoleArn;
    return roleArn === undefined ? [] : [{ environment, roleArn }];
  });
}

/** The environments pull requests plan (those with a plan role), each with that role. */
export function planRoles(environments: EnvironmentConfig[]): EnvironmentRole[] {
  return environments.flatMap((environment) => {
    const roleArn = environment.deployment.planRoleArn;
    return roleArn === undefined ? [] : [{ environment, roleArn }];
  });
}
