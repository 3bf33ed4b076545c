import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { EnvironmentDeliveryRoles } from './environment-delivery-roles';
import { GITHUB_OIDC_HOST, githubSubjectCustomizationCommand } from './github-oidc';
import { resourceTypesOf } from './stack-resource-types';
import { ForeignEnvironmentRoles, foreignStateGrants, StateLocation } from './state-access';
import { StateEncryptionKey } from './state-encryption-key';
import type { EnvironmentConfig, PlatformConfig, S3StateConfig } from '../contract/config';
import type { BootstrapConfig, DeliveryRolesConfig, DeploymentConfig } from '../contract/deployment-config';
import { AwsContext } from '../core/aws-context';
import { PrivateBucket } from '../core/private-bucket';
import { exportOutput } from '../core/stack-outputs';
import { localStateFileName } from '../core/state';

/** Properties of {@link BootstrapStack}. */
export interface BootstrapStackProps {
  /** The whole configuration: project name, environments and their state. */
  readonly platform: PlatformConfig;
  /** What this stack creates. */
  readonly bootstrap: BootstrapConfig;
  /**
   * The stacks of each environment this account hosts, by environment name: the resource types
   * they contain decide what the environment's deploy and plan roles may do.
   */
  readonly environmentStacks: Record<string, Construct[]>;
}

/**
 * What the pipelines need once per account: the Terraform state bucket (versioned, encrypted with
 * a customer managed key, public access blocked, TLS only, kept on destroy), the GitHub OIDC
 * identity provider, and per environment the permissions boundary of its workload roles, a deploy
 * role and a read-only plan role ({@link EnvironmentDeliveryRoles}), whose permissions are derived
 * from the resource types of the environment's stacks and whose trust admits only this repository.
 *
 * Its own state is local (`cdktf.out/stacks/<stack>/terraform.<stack>.tfstate`): it creates the
 * bucket the other stacks keep state in.
 */
export class BootstrapStack extends TerraformStack {
  /** Provider, partition, region and account id. */
  public readonly aws: AwsContext;
  /** The state bucket, when this stack creates it. */
  public readonly stateBucket?: PrivateBucket;
  /** The OIDC provider, unless it exists already. */
  public readonly oidcProvider?: IamOpenidConnectProvider;
  /** ARN of the OIDC provider the roles trust. */
  public readonly oidcProviderArn: string;
  /** Boundary, deploy and plan roles, by environment name. */
  public readonly roles: Record<string, EnvironmentDeliveryRoles>;
  /** Customer managed key of the state bucket, when this stack creates the bucket. */
  public readonly stateKey?: StateEncryptionKey;

  constructor(scope: Construct, id: string, props: BootstrapStackProps) {
    super(scope, id);
    const { bootstrap, platform } = props;
    const deployment = platform.deployment;
    const github = deployment.github;
    const members = bootstrappedBy(platform, bootstrap);
    if (github === undefined || members.length === 0) {
      throw new Error(`The bootstrap stack ${bootstrap.stackName} needs deployment.repository and environments whose roles it creates`);
    }
    new LocalBackend(this, { path: localStateFileName(id) });
    this.aws = new AwsContext(this, 'aws', {
      ...members[0].environment,
      region: bootstrap.region,
      tags: { 'project': platform.project, 'managed-by': 'projen-cdktf-ecs' },
    });
    const state = platform.environments[0].state;

    if (bootstrap.stateBucket !== undefined && state.backend === 's3') {
      const foreign = this.foreignEnvironmentRoles(platform, deployment, bootstrap);
      this.stateKey = new StateEncryptionKey(this, 'state_key', {
        aws: this.aws,
        state,
        alias: `${platform.project}-terraform-state`,
        otherAccountRoots: [...new Set(foreign.map((env) => env.accountRootArn))],
        otherAccountRoles: foreign.flatMap((env) => [env.deployRoleArn, env.planRoleArn]),
      });
      this.stateBucket = this.createStateBucket(bootstrap.stateBucket, bootstrap.partition, this.stateKey, foreign);
      exportOutput(this, 'state_bucket_name', this.stateBucket.bucket.bucket, 'Bucket of the Terraform state.');
      exportOutput(this, 'state_key_arn', this.stateKey.key.arn, 'KMS key of the Terraform state.');
    }

    if (bootstrap.createOidcProvider) {
      this.oidcProvider = new IamOpenidConnectProvider(this, 'github_oidc', {
        url: `https://${GITHUB_OIDC_HOST}`,
        clientIdList: ['sts.amazonaws.com'],
        // IAM no longer checks the thumbprint for this issuer, but the API still requires one.
        thumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
      });
      this.oidcProviderArn = this.oidcProvider.arn;
    } else {
      this.oidcProviderArn = `arn:${bootstrap.partition}:iam::${this.aws.accountId}:oidc-provider/${GITHUB_OIDC_HOST}`;
    }
    exportOutput(this, 'github_oidc_subject_command', githubSubjectCustomizationCommand(github.repository),
      'Run once: makes the repository\'s OIDC subjects carry the branch the roles\' trust policies match.');

    this.roles = Object.fromEntries(members.map((member) =>
      [member.environment.name, this.addEnvironmentRoles(props, { ...deployment, github }, member)]));
  }

  /** The state bucket, encrypted with the state key only, readable by the other accounts' delivery roles. */
  private createStateBucket(name: string, partition: string, stateKey: StateEncryptionKey, foreign: ForeignEnvironmentRoles[]): PrivateBucket {
    const bucket = new PrivateBucket(this, 'state_bucket', {
      bucket: name,
      kmsKeyArn: stateKey.key.arn,
      noncurrentVersionExpiryDays: 90,
      preventDestroy: true,
    });
    bucket.addToPolicy({
      // Terraform's `encrypt` would ask for SSE-S3 and bypass the key; objects take the bucket default.
      Sid: 'DenyOtherEncryptionThanTheStateKey',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 's3:PutObject',
      Resource: `${bucket.bucket.arn}/*`,
      Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' }, Null: { 's3:x-amz-server-side-encryption': 'false' } },
    }, ...foreignStateGrants(partition, bucket.bucket.arn, foreign));
    return bucket;
  }

  /**
   * The deploy and plan roles of one environment, derived from the resource types of its stacks,
   * with their outputs; a validation fails the synth when the stacks gain resource types later.
   */
  private addEnvironmentRoles(
    props: BootstrapStackProps,
    deployment: DeploymentConfig & { github: NonNullable<DeploymentConfig['github']> },
    { environment, roles }: BootstrappedEnvironment,
  ): EnvironmentDeliveryRoles {
    const { platform } = props;
    const stacks = props.environmentStacks[environment.name] ?? [];
    const resourceTypes = resourceTypesOf(stacks);
    const outputId = environment.name.replace(/[^A-Za-z0-9_]/g, '_');
    const delivery = new EnvironmentDeliveryRoles(this, `${outputId}_delivery`, {
      aws: this.aws,
      project: platform.project,
      environment,
      deployment,
      github: deployment.github,
      roles,
      oidcProviderArn: this.oidcProviderArn,
      resourceTypes,
      ...(environment.state.backend === 's3' ? { state: this.stateLocation(environment.state, deployment, props.bootstrap.partition) } : {}),
    });
    // Resources added to the environment's stacks after this point would deploy without permissions.
    this.node.addValidation({
      validate: () => {
        const missing = resourceTypesOf(stacks).filter((type) => !resourceTypes.includes(type));
        return missing.length === 0 ? [] : [
          `${environment.name} gained resource types after its delivery roles were derived (${missing.join(', ')}); create every resource before the bootstrap stack`,
        ];
      },
    });
    exportOutput(this, `${outputId}_deploy_role_arn`, delivery.deployRole.arn, `Role of the GitHub Actions deploy job of ${environment.name}.`);
    exportOutput(this, `${outputId}_plan_role_arn`, delivery.planRole.arn, `Role of the pull request plans of ${environment.name}.`);
    return delivery;
  }

  /** Where an environment's state lives, and the key ARN its roles may use (a pattern in other accounts). */
  private stateLocation(state: S3StateConfig, deployment: DeploymentConfig, partition: string): StateLocation {
    const owner = deployment.bootstrap.find((candidate) => candidate.stateBucket !== undefined);
    const keyArn = this.stateKey !== undefined
      ? this.stateKey.key.arn
      : `arn:${partition}:kms:${state.region}:${owner?.accountId ?? '*'}:key/*`;
    return { partition, state, keyArn };
  }

  /** The delivery roles of the environments other bootstrap stacks create in other accounts. */
  private foreignEnvironmentRoles(platform: PlatformConfig, deployment: DeploymentConfig, bootstrap: BootstrapConfig): ForeignEnvironmentRoles[] {
    const partition = bootstrap.partition;
    return deployment.bootstrap
      .filter((other) => other.accountId !== undefined && other.accountId !== bootstrap.accountId)
      .flatMap((other) => bootstrappedBy(platform, other).flatMap(({ environment, roles }) => {
        if (environment.state.backend !== 's3') {
          return [];
        }
        const roleArn = (name: string) => `arn:${partition}:iam::${other.accountId}:role${roles.rolePath}${name}`;
        return [{
          environment: environment.name,
          state: environment.state,
          deployRoleArn: roleArn(roles.deployRoleName),
          planRoleArn: roleArn(roles.planRoleName),
          accountRootArn: `arn:${partition}:iam::${other.accountId}:root`,
        }];
      }));
  }
}

/** An environment whose OIDC roles a bootstrap stack creates, with those roles. */
interface BootstrappedEnvironment {
  readonly environment: EnvironmentConfig;
  readonly roles: DeliveryRolesConfig;
}

/** The environments whose roles the given bootstrap stack creates, in configuration order. */
function bootstrappedBy(platform: PlatformConfig, bootstrap: BootstrapConfig): BootstrappedEnvironment[] {
  return platform.environments.flatMap((environment) => {
    const roles = environment.deployment.deliveryRoles;
    return roles?.bootstrapStack === bootstrap.stackName ? [{ environment, roles }] : [];
  });
}
