import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CodebuildProject } from '@cdktf/provider-aws/lib/codebuild-project';
import { Codepipeline, CodepipelineStageAction } from '@cdktf/provider-aws/lib/codepipeline';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { buildspec, BUILD_OUTPUT_FILES } from './buildspec';
import type { ClusterStack } from '../cluster/cluster-stack';
import type { DeploymentConfig, EnvironmentDeploymentConfig } from '../contract/deployment-config';
import { boundedName, IAM_ROLE_NAME_MAX, toIdentifier } from '../contract/naming';
import { policyDocument, PolicyStatement, serviceTrustPolicy } from '../contract/policies';
import { EnvironmentStack, EnvironmentStackProps } from '../core/environment-stack';
import { LogEncryptionKey } from '../core/log-encryption-key';
import { PrivateBucket } from '../core/private-bucket';
import { CLUSTER_OUTPUTS, exportOutput } from '../core/stack-outputs';
import { UpstreamOutputs } from '../core/state';
import type { ServiceStack } from '../service/service-stack';

/** CodeBuild image with Docker and Node.js, by CPU architecture. */
const BUILD_IMAGES = {
  X86_64: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/amazonlinux-x86_64-standard:5.0' },
  ARM64: { type: 'ARM_CONTAINER', image: 'aws/codebuild/amazonlinux-aarch64-standard:3.0' },
} as const;
/** Days pipeline artifacts are kept. */
const ARTIFACT_EXPIRY_DAYS = 30;
const SOURCE_ARTIFACT = 'source';

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
  /** Role of the pipeline. */
  public readonly pipelineRole: IamRole;
  /** The pipeline. */
  public readonly pipeline: Codepipeline;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    const { deployment } = props;
    const target = deployment.environments.find((candidate) => candidate.name === this.environment.name);
    if (target === undefined || deployment.connectionArn === undefined || deployment.github === undefined) {
      throw new Error(`The pipeline of ${this.environment.name} needs the environment's deployment settings, a connection ARN and a repository`);
    }
    this.target = target;
    this.addDependency(props.cluster);
    this.addDependency(props.service);
    this.clusterOutputs = new UpstreamOutputs(this, 'cluster', this.environment.state, props.cluster.node.id);
    const blueGreen = deployment.strategy === 'blue-green';
    const built = target.services.filter((service) => service.imageRepositoryName !== undefined);
    const logGroupName = `/codebuild/${this.namePrefix}`;

    this.encryptionKey = new LogEncryptionKey(this, 'encryption_key', {
      aws: this.aws,
      description: `Encrypts the pipeline artifacts and build logs of ${this.namePrefix}`,
      logGroupArns: [this.aws.logGroupArn(logGroupName)],
    });
    const keyArn = this.encryptionKey.key.arn;
    this.artifacts = new PrivateBucket(this, 'artifacts', {
      bucketPrefix: `${this.namePrefix}-artifacts-`.slice(0, 37),
      kmsKeyArn: keyArn,
      noncurrentVersionExpiryDays: 1,
      expiryDays: ARTIFACT_EXPIRY_DAYS,
    });
    const bucketArn = this.artifacts.bucket.arn;
    this.logGroup = new CloudwatchLogGroup(this, 'log_group', {
      name: logGroupName,
      retentionInDays: this.environment.cluster.logRetentionDays,
      kmsKeyId: keyArn,
    });

    const useArtifacts: PolicyStatement[] = [
      { Sid: 'Artifacts', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'], Resource: `${bucketArn}/*` },
      { Sid: 'ArtifactBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:GetBucketVersioning'], Resource: bucketArn },
      { Sid: 'ArtifactKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'], Resource: keyArn },
    ];
    const taskRoleArns = target.services.flatMap((service) => ['execution', 'task'].map((kind) =>
      this.aws.arn('iam', `role/${boundedName(`${this.namePrefix}-${service.name}-${kind}`, IAM_ROLE_NAME_MAX)}`, { global: true })));
    const passTaskRoles: PolicyStatement = {
      Sid: 'PassTaskRoles',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: taskRoleArns,
      Condition: { StringEquals: { 'iam:PassedToService': `ecs-tasks.${this.aws.dnsSuffix}` } },
    };

    this.buildRole = new IamRole(this, 'build_role', {
      name: boundedName(`${this.namePrefix}-codebuild`, IAM_ROLE_NAME_MAX),
      description: `CodeBuild image builds of ${this.namePrefix}`,
      assumeRolePolicy: serviceTrustPolicy(`codebuild.${this.aws.dnsSuffix}`, this.aws.accountId),
    });
    const repositoryArn = (service: string) => this.clusterOutputs.mapEntry(CLUSTER_OUTPUTS.ecrRepositoryArns, service);
    new IamRolePolicy(this, 'build_role_policy', {
      role: this.buildRole.id,
      name: 'build-and-push-images',
      policy: policyDocument([
        ...useArtifacts,
        { Sid: 'WriteBuildLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${this.aws.logGroupArn(logGroupName)}:*` },
        { Sid: 'GetEcrToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        {
          Sid: 'PushServiceImages',
          Effect: 'Allow',
          Action: [
            'ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload',
            'ecr:PutImage', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:DescribeImages',
          ],
          Resource: built.map((service) => repositoryArn(service.name)),
        },
        ...(blueGreen ? [{ Sid: 'ReadTaskDefinitions', Effect: 'Allow' as const, Action: 'ecs:DescribeTaskDefinition', Resource: '*' }] : []),
      ]),
    });

    const image = BUILD_IMAGES[target.imageArchitecture];
    this.buildProjects = Object.fromEntries(built.map((service) => [service.name, new CodebuildProject(this, `build_${toIdentifier(service.name)}`, {
      name: `${this.namePrefix}-${service.name}`,
      description: `Builds app/ and pushes it to the ECR repository of ${service.name}`,
      serviceRole: this.buildRole.arn,
      encryptionKey: keyArn,
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
    })]));

    this.pipelineRole = new IamRole(this, 'pipeline_role', {
      name: boundedName(`${this.namePrefix}-codepipeline`, IAM_ROLE_NAME_MAX),
      description: `CodePipeline of ${this.namePrefix}`,
      assumeRolePolicy: serviceTrustPolicy(`codepipeline.${this.aws.dnsSuffix}`, this.aws.accountId),
    });
    const cluster = target.clusterName;
    const deployStatements: PolicyStatement[] = blueGreen
      ? [{
        Sid: 'DeployWithCodeDeploy',
        Effect: 'Allow',
        Action: ['codedeploy:CreateDeployment', 'codedeploy:GetDeployment', 'codedeploy:GetApplication', 'codedeploy:GetApplicationRevision', 'codedeploy:RegisterApplicationRevision', 'codedeploy:GetDeploymentConfig'],
        Resource: [
          this.aws.arn('codedeploy', `application:${target.codeDeployApplicationName}`),
          ...target.services.map((service) => this.aws.arn('codedeploy', `deploymentgroup:${target.codeDeployApplicationName}/${service.codeDeployDeploymentGroupName}`)),
          this.aws.arn('codedeploy', 'deploymentconfig:*'),
        ],
      }]
      : [{
        Sid: 'UpdateServices',
        Effect: 'Allow',
        Action: ['ecs:DescribeServices', 'ecs:UpdateService'],
        Resource: target.services.map((service) => this.aws.arn('ecs', `service/${cluster}/${service.ecsServiceName}`)),
      }];
    new IamRolePolicy(this, 'pipeline_role_policy', {
      role: this.pipelineRole.id,
      name: 'run-pipeline',
      policy: policyDocument([
        ...useArtifacts,
        { Sid: 'UseConnection', Effect: 'Allow', Action: ['codeconnections:UseConnection', 'codestar-connections:UseConnection'], Resource: deployment.connectionArn },
        { Sid: 'RunBuilds', Effect: 'Allow', Action: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds'], Resource: Object.values(this.buildProjects).map((project) => project.arn) },
        // Registering and reading task definitions has no resource-level permissions.
        { Sid: 'RegisterTaskDefinitions', Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition', 'ecs:DescribeTaskDefinition', 'ecs:DescribeTasks', 'ecs:ListTasks'], Resource: '*' },
        ...deployStatements,
        passTaskRoles,
      ]),
    });

    const sourceAction: CodepipelineStageAction = {
      name: 'Source',
      category: 'Source',
      owner: 'AWS',
      provider: 'CodeStarSourceConnection',
      version: '1',
      outputArtifacts: [SOURCE_ARTIFACT],
      configuration: {
        ConnectionArn: deployment.connectionArn,
        FullRepositoryId: deployment.github.repository,
        BranchName: deployment.releaseBranch,
        OutputArtifactFormat: 'CODE_ZIP',
        DetectChanges: 'false',
      },
    };
    const buildArtifact = (service: string) => `build_${toIdentifier(service)}`;
    const buildActions: CodepipelineStageAction[] = built.map((service) => ({
      name: `Build-${service.name}`,
      category: 'Build',
      owner: 'AWS',
      provider: 'CodeBuild',
      version: '1',
      inputArtifacts: [SOURCE_ARTIFACT],
      outputArtifacts: [buildArtifact(service.name)],
      configuration: { ProjectName: this.buildProjects[service.name].name },
    }));
    const deployActions = built.map((service): CodepipelineStageAction => (blueGreen
      ? {
        name: `Deploy-${service.name}`,
        category: 'Deploy',
        owner: 'AWS',
        provider: 'CodeDeployToECS',
        version: '1',
        inputArtifacts: [buildArtifact(service.name)],
        configuration: {
          ApplicationName: target.codeDeployApplicationName,
          DeploymentGroupName: service.codeDeployDeploymentGroupName,
          TaskDefinitionTemplateArtifact: buildArtifact(service.name),
          TaskDefinitionTemplatePath: BUILD_OUTPUT_FILES.taskDefinition,
          AppSpecTemplateArtifact: buildArtifact(service.name),
          AppSpecTemplatePath: BUILD_OUTPUT_FILES.appSpec,
          Image1ArtifactName: buildArtifact(service.name),
          Image1ContainerName: 'IMAGE1_NAME',
        },
      }
      : {
        name: `Deploy-${service.name}`,
        category: 'Deploy',
        owner: 'AWS',
        provider: 'ECS',
        version: '1',
        inputArtifacts: [buildArtifact(service.name)],
        configuration: {
          ClusterName: cluster,
          ServiceName: service.ecsServiceName,
          FileName: BUILD_OUTPUT_FILES.imageDefinitions,
          DeploymentTimeout: '30',
        },
      }));

    this.pipeline = new Codepipeline(this, 'pipeline', {
      name: this.namePrefix,
      pipelineType: 'V2',
      // Every pushed commit is deployed, one after the other.
      executionMode: 'QUEUED',
      roleArn: this.pipelineRole.arn,
      artifactStore: [{ location: this.artifacts.bucket.bucket, type: 'S3', encryptionKey: { id: keyArn, type: 'KMS' } }],
      trigger: [{
        providerType: 'CodeStarSourceConnection',
        gitConfiguration: { sourceActionName: sourceAction.name, push: [{ branches: { includes: [deployment.releaseBranch] } }] },
      }],
      stage: [
        { name: 'Source', action: [sourceAction] },
        { name: 'Build', action: buildActions },
        ...(target.requireApproval
          ? [{ name: 'Approve', action: [{ name: 'Approve', category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' }] }]
          : []),
        { name: 'Deploy', action: deployActions, onFailure: { result: 'ROLLBACK' } },
      ],
    });

    exportOutput(this, 'pipeline_name', this.pipeline.name, 'Name of the CodePipeline.');
    exportOutput(this, 'artifact_bucket', this.artifacts.bucket.bucket, 'Bucket of the pipeline artifacts.');
  }
}
