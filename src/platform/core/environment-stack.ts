import { TerraformBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsContext } from './aws-context';
import { configureStateBackend } from './state';
import type { EnvironmentConfig } from '../contract/config';
import { resourcePrefix } from '../contract/naming';
import { applyPermissionsBoundary } from '../delivery/permissions-boundary-aspect';

/** Properties shared by the stacks of an environment. */
export interface EnvironmentStackProps {
  /** Project name, the prefix of resource names. */
  readonly project: string;
  /** The environment the stack belongs to. */
  readonly environment: EnvironmentConfig;
}

/**
 * A stack of one environment: its AWS provider and account context, and its state backend.
 */
export abstract class EnvironmentStack extends TerraformStack {
  /** Project name. */
  public readonly project: string;
  /** The environment the stack belongs to. */
  public readonly environment: EnvironmentConfig;
  /** `<project>-<env>`: the prefix of the stack's resource names. */
  public readonly namePrefix: string;
  /** Provider, partition, region and account id. */
  public readonly aws: AwsContext;
  /** Where the stack keeps its state. */
  public readonly backend: TerraformBackend;

  constructor(scope: Construct, id: string, props: EnvironmentStackProps) {
    super(scope, id);
    this.project = props.project;
    this.environment = props.environment;
    this.namePrefix = resourcePrefix(props.project, props.environment);
    this.aws = new AwsContext(this, 'aws', props.environment);
    this.backend = configureStateBackend(this, props.environment.state);
    applyPermissionsBoundary(this, this.aws, props.environment.deployment.deliveryRoles?.permissionsBoundary);
  }
}
