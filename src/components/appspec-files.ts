import { Component, Project, YamlFile } from 'projen';
import type { DeploymentConfig } from '../platform/deployment-config';

/** Directory of the CodeDeploy AppSpec files in the service repository. */
export const APPSPEC_DIR = 'deploy';

/** Path of a service's AppSpec file. */
export function appSpecPath(service: string): string {
  return `${APPSPEC_DIR}/appspec-${service}.yaml`;
}

/**
 * The CodeDeploy AppSpec of every service, for blue/green deployments from GitHub Actions: which
 * container and port receive traffic. The deploy action fills in the task definition.
 */
export class AppSpecFiles extends Component {
  /** Paths of the written files. */
  public readonly files: string[];

  constructor(project: Project, deployment: DeploymentConfig) {
    super(project);
    const services = new Map(deployment.environments.flatMap((env) => env.services.map((service) => [service.name, service] as const)));
    this.files = [...services.values()].map((service) => {
      const path = appSpecPath(service.name);
      new YamlFile(project, path, {
        obj: {
          version: '0.0',
          Resources: [{
            TargetService: {
              Type: 'AWS::ECS::Service',
              Properties: {
                TaskDefinition: '<TASK_DEFINITION>',
                LoadBalancerInfo: { ContainerName: service.containerName, ContainerPort: service.containerPort },
              },
            },
          }],
        },
      });
      return path;
    });
  }
}
