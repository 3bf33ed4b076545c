import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CodebuildProject } from '@cdktf/provider-aws/lib/codebuild-project';
import { Codepipeline } from '@cdktf/provider-aws/lib/codepipeline';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { buildspec } from './buildspec';
import { artifactAccess, buildPermissions, deployPermissions, passTaskRoles } from './pipeline-permissions';
import { pipelineStages, PipelineStagesProps, sourceAction } from './pipeline-stages';
import { ReleaseTasksProject } from './release-tasks-project';
import { SitePublishingProject } from './site-publishing-project';
import type { ClusterStack } from '../cluster/cluster-stack';
import type { DeploymentConfig, EnvironmentDeploymentConfig, ServiceDeploymentTarget } from '../contract/deployment-config';
import { serviceLogGroupName, toIdentifier } from '../contract/naming';
import { policyDocument, PolicyStatement, serviceTrustPolicy } from '../contract/policies';
import { EnvironmentStack, EnvironmentStackProps } from '../core/environment-stack';
import { LogEncryptionKey } from '../core/log-encryption-key';
import { PrivateBucket } from '../core/private-bucket';
import { CLUSTER_OUTPUTS, exportOutput, SERVICE_OUTPUTS } from '../core/stack-outputs';
import { UpstreamOutputs } from '../core/state';
import type { ServiceStack } from '../service/service-stack';

/** CodeBuild image with Docker and Node.js, by CPU architecture. */
const BUILD_IMAGES = {
  X86_64: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/amazonlinux-x86_64-standard:5.0' },
  ARM64: { type: 'ARM_CONTAINER', image: 'aws/codebuild/amazonlinux-aarch64-standard:3.0' },
} as const;
/** Days pipeline artifacts are kept. */
const ARTIFACT_EXPIRY_DAYS = 30;

/** Properties of {@link PipelineStack}. */
export interface PipelineStackProps extends EnvironmentStackProps {
  /** The deployment configuration. */
  readonly deployment: DeploymentConfig;
  /** The environment's cluster stack, whose ECR repositories the builds push to. */
  readonly cluster: ClusterStack;
  /** The environment's service stack, deployed by the pipeline (and before it). */
  readonly service: ServiceStack;
}

/**
 * The AWS-native deployment of one environment: a CodePipeline V2 triggered by pushes to the
 * release branch through a CodeConnections GitHub source, one privileged CodeBuild project per
 * service that builds `app/` and pushes it to the service's ECR repository, an optional manual
 * approval, and the ECS deploy action (rolling) or CodeDeploy (blue/green). Artifacts live in a
 * versioned, KMS-encrypted bucket; every role has only what its step needs.
 */
export class PipelineStack extends EnvironmentStack {
  /** Deployment settings of this environment. */
  public readonly target: EnvironmentDeploymentConfig;
  /** Outputs of the cluster stack. */
  public readonly clusterOutputs: UpstreamOutputs;
  /** KMS key of the artifacts and build logs. */
  public readonly encryptionKey: LogEncryptionKey;
  /** The artifact bucket. */
  public readonly artifacts: PrivateBucket;
  /** Build log group. */
  public readonly logGroup: CloudwatchLogGroup;
  /** Role of the CodeBuild projects. */
  public readonly buildRole: IamRole;
  /** CodeBuild projects by service name. */
  public readonly buildProjects: Record<string, CodebuildProject>;
  /** The CodeBuild project of the release tasks, when a built service has one. */
  public readonly releaseTasks?: ReleaseTasksProject;
  /** The CodeBuild project publishing the static site, when the environment has one. */
  public readonly sitePublishing?: SitePublishingProject;
  /** Role of the pipeline. */
  public readonly pipelineRole: IamRole;
  /** The pipeline. */
  public readonly pipeline: Codepipeline;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    const deployment = pipelineDeployment(props.deployment, this.environment.name);
    const target = this.environment.deployment;
    this.target = target;
    this.addDependency(props.cluster);
    this.addDependency(props.service);
    this.clusterOutputs = new UpstreamOutputs(this, 'cluster', this.environment.state, props.cluster.node.id);
    const built = target.services.filter((service) => service.imageRepositoryName !== undefined);
    const logGroupName = `/codebuild/${this.namePrefix}`;

    this.encryptionKey = new LogEncryptionKey(this, 'encryption_key', {
      aws: this.aws,
      description: `Encrypts the pipeline artifacts and build logs of ${this.namePrefix}`,
      logGroupArns: [this.aws.logGroupArn(logGroupName)],
      deletionWindowDays: this.environment.kmsKeyDeletionWindowDays,
    });
    const keyArn = this.encryptionKey.key.arn;
    this.artifacts = new PrivateBucket(this, 'artifacts', {
      bucketPrefix: `${this.namePrefix}-artifacts-`.slice(0, 37),
      kmsKeyArn: keyArn,
      noncurrentVersionExpiryDays: 1,
      expiryDays: ARTIFACT_EXPIRY_DAYS,
    });
    this.logGroup = new CloudwatchLogGroup(this, 'log_group', {
      name: logGroupName,
      retentionInDays: this.environment.cluster.logRetentionDays,
      kmsKeyId: keyArn,
    });
    const useArtifacts = artifactAccess(this.artifacts.bucket.arn, keyArn);

    this.buildRole = this.createBuildRole(built, logGroupName, useArtifacts, deployment.strategy === 'blue-green');
    this.buildProjects = Object.fromEntries(built.map((service) => [service.name, this.buildProject(deployment, service)]));
    this.releaseTasks = this.createReleaseTasks(built, logGroupName, useArtifacts);
    this.sitePublishing = this.createSitePublishing(props.service, logGroupName, useArtifacts);
    this.pipelineRole = this.createPipelineRole(deployment, useArtifacts);

    this.pipeline = this.createPipeline(deployment, built, keyArn);

    exportOutput(this, 'pipeline_name', this.pipeline.name, 'Name of the CodePipeline.');
    exportOutput(this, 'artifact_bucket', this.artifacts.bucket.bucket, 'Bucket of the pipeline artifacts.');
  }

  /** The pipeline: source, then the builds, release tasks, site publishing and deployments of its stages. */
  private createPipeline(deployment: PipelineStagesProps['deployment'], built: ServiceDeploymentTarget[], keyArn: string): Codepipeline {
    const target = this.target;
    const buildProjectNames = Object.fromEntries(Object.entries(this.buildProjects).map(([service, project]) => [service, project.name]));
    return new Codepipeline(this, 'pipeline', {
      name: this.namePrefix,
      pipelineType: 'V2',
      // Every pushed commit is deployed, one after the other.
      executionMode: 'QUEUED',
      roleArn: this.pipelineRole.arn,
      artifactStore: [{ location: this.artifacts.bucket.bucket, type: 'S3', encryptionKey: { id: keyArn, type: 'KMS' } }],
      trigger: [{
        providerType: 'CodeStarSourceConnection',
        gitConfiguration: { sourceActionName: sourceAction(deployment).name, push: [{ branches: { includes: [deployment.releaseBranch] } }] },
      }],
      stage: pipelineStages({
        deployment,
        target,
        built,
        buildProjectNames,
        ...(this.releaseTasks ? { release: { projectName: this.releaseTasks.build.project.name, services: this.releaseTasks.services } } : {}),
        ...(this.sitePublishing ? { publishSiteProjectName: this.sitePublishing.build.project.name } : {}),
      }),
    });
  }

  /** The role of the image builds: the artifacts, its logs, pushes to the built services' repositories. */
  private createBuildRole(built: ServiceDeploymentTarget[], logGroupName: string, useArtifacts: PolicyStatement[], blueGreen: boolean): IamRole {
    const role = this.serviceRole('build_role', 'codebuild', this.target.roleNames.codeBuild, `CodeBuild image builds of ${this.namePrefix}`);
    new IamRolePolicy(this, 'build_role_policy', {
      role: role.id,
      name: 'build-and-push-images',
      policy: policyDocument([...useArtifacts, ...buildPermissions({
        aws: this.aws,
        logGroupName,
        repositoryArns: built.map((service) => this.clusterOutputs.mapEntry(CLUSTER_OUTPUTS.ecrRepositoryArns, service.name)),
        readTaskDefinitions: blueGreen,
      })]),
    });
    return role;
  }

  /** The role of the pipeline: the artifacts, the connection, the builds, and the deployments. */
  private createPipelineRole(deployment: PipelineStagesProps['deployment'], useArtifacts: PolicyStatement[]): IamRole {
    const role = this.serviceRole('pipeline_role', 'codepipeline', this.target.roleNames.codePipeline, `CodePipeline of ${this.namePrefix}`);
    new IamRolePolicy(this, 'pipeline_role_policy', {
      role: role.id,
      name: 'run-pipeline',
      policy: policyDocument([
        ...useArtifacts,
        { Sid: 'UseConnection', Effect: 'Allow', Action: ['codeconnections:UseConnection', 'codestar-connections:UseConnection'], Resource: deployment.connectionArn },
        {
          Sid: 'RunBuilds',
          Effect: 'Allow',
          Action: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds'],
          Resource: [
            ...Object.values(this.buildProjects),
            ...[this.releaseTasks, this.sitePublishing].flatMap((operations) => (operations ? [operations.build.project] : [])),
          ].map((project) => project.arn),
        },
        // Registering and reading task definitions has no resource-level permissions.
        { Sid: 'RegisterTaskDefinitions', Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition', 'ecs:DescribeTaskDefinition', 'ecs:DescribeTasks', 'ecs:ListTasks'], Resource: '*' },
        ...deployPermissions(this.aws, this.target, deployment.strategy === 'blue-green'),
        passTaskRoles(this.aws, this.environment.services.flatMap((service) => [service.executionRoleName, service.taskRoleName])),
      ]),
    });
    return role;
  }

  /** The release tasks project, when a built service has a release task. */
  private createReleaseTasks(
    built: ServiceDeploymentTarget[],
    logGroupName: string,
    useArtifacts: PolicyStatement[],
  ): ReleaseTasksProject | undefined {
    const services = built.flatMap((target) => {
      const config = this.environment.services.find((service) => service.name === target.name);
      return config?.release !== undefined ? [{ target, config }] : [];
    });
    if (services.length === 0) {
      return undefined;
    }
    return new ReleaseTasksProject(this, 'release_tasks', {
      aws: this.aws,
      environment: this.environment.name,
      target: this.target,
      services,
      projectName: `${this.namePrefix}-release-tasks`,
      buildLogGroupName: logGroupName,
      serviceLogGroupName: serviceLogGroupName(this.project, this.environment),
      artifactAccess: useArtifacts,
      encryptionKeyArn: this.encryptionKey.key.arn,
      image: BUILD_IMAGES.X86_64,
    });
  }

  /** The site publishing project, when the environment has a static site: its bucket and distribution from the service stack. */
  private createSitePublishing(service: ServiceStack, logGroupName: string, useArtifacts: PolicyStatement[]): SitePublishingProject | undefined {
    if (this.environment.staticSite === undefined) {
      return undefined;
    }
    const serviceOutputs = new UpstreamOutputs(this, 'service', this.environment.state, service.node.id);
    return new SitePublishingProject(this, 'site_publishing', {
      aws: this.aws,
      environment: this.environment.name,
      projectName: `${this.namePrefix}-publish-site`,
      roleName: this.target.roleNames.publishSite,
      bucket: serviceOutputs.string(SERVICE_OUTPUTS.staticSiteBucket),
      distributionId: serviceOutputs.string(SERVICE_OUTPUTS.staticSiteDistributionId),
      buildLogGroupName: logGroupName,
      artifactAccess: useArtifacts,
      encryptionKeyArn: this.encryptionKey.key.arn,
      image: BUILD_IMAGES.X86_64,
    });
  }

  /** A role the AWS service `<service>.<dns suffix>` assumes on behalf of this account. */
  private serviceRole(id: string, service: string, name: string, description: string): IamRole {
    return new IamRole(this, id, {
      name,
      description,
      assumeRolePolicy: serviceTrustPolicy(`${service}.${this.aws.dnsSuffix}`, this.aws.accountId),
    });
  }

  /** The privileged CodeBuild project building `app/` and pushing it to the ECR repository of one service. */
  private buildProject(deployment: DeploymentConfig, service: ServiceDeploymentTarget): CodebuildProject {
    const image = BUILD_IMAGES[this.target.imageArchitecture];
    return new CodebuildProject(this, `build_${toIdentifier(service.name)}`, {
      name: `${this.namePrefix}-${service.name}`,
      description: `Builds app/ and pushes it to the ECR repository of ${service.name}`,
      serviceRole: this.buildRole.arn,
      encryptionKey: this.encryptionKey.key.arn,
      buildTimeout: 60,
      source: { type: 'CODEPIPELINE', buildspec: buildspec(deployment.strategy, this.environment.name, service) },
      artifacts: { type: 'CODEPIPELINE' },
      cache: { type: 'LOCAL', modes: ['LOCAL_DOCKER_LAYER_CACHE'] },
      environment: {
        type: image.type,
        computeType: 'BUILD_GENERAL1_SMALL',
        image: image.image,
        // Docker builds need the privileged mode.
        privilegedMode: true,
      },
      logsConfig: { cloudwatchLogs: { status: 'ENABLED', groupName: this.logGroup.name } },
    });
  }
}

/** The deployment configuration of a pipeline: one with a connection ARN and a repository, or an error naming the environment. */
function pipelineDeployment(deployment: DeploymentConfig, environment: string): PipelineStagesProps['deployment'] {
  const { connectionArn, github } = deployment;
  if (connectionArn === undefined || github === undefined) {
    throw new Error(`The pipeline of ${environment} needs a connection ARN and a repository`);
  }
  return { ...deployment, connectionArn, github };
}
