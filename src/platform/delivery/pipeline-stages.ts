import type { CodepipelineStage, CodepipelineStageAction } from '@cdktf/provider-aws/lib/codepipeline';
import { BUILD_OUTPUT_FILES, RELEASE_SERVICE_VARIABLE } from './buildspec';
import type { DeploymentConfig, EnvironmentDeploymentConfig, ServiceDeploymentTarget } from '../contract/deployment-config';
import { toIdentifier } from '../contract/naming';

/** Name of the artifact holding the checked-out sources. */
const SOURCE_ARTIFACT = 'source';

/** Name of the artifact a service's build writes. */
function buildArtifact(service: string): string {
  return `build_${toIdentifier(service)}`;
}

/** Inputs of {@link pipelineStages}. */
export interface PipelineStagesProps {
  /** The deployment configuration, with its connection ARN and repository. */
  readonly deployment: DeploymentConfig & { readonly connectionArn: string; readonly github: NonNullable<DeploymentConfig['github']> };
  /** Deployment settings of the environment. */
  readonly target: EnvironmentDeploymentConfig;
  /** The services built from this repository. */
  readonly built: ServiceDeploymentTarget[];
  /** Name of the CodeBuild project of each built service. */
  readonly buildProjectNames: Record<string, string>;
  /** The release tasks project and the built services it runs a release task for, in order. */
  readonly release?: { readonly projectName: string; readonly services: string[] };
  /** The project publishing the static site after the deploys, with a static site. */
  readonly publishSiteProjectName?: string;
}

/** The action checking out the release branch through the CodeConnections connection. */
export function sourceAction(deployment: PipelineStagesProps['deployment']): CodepipelineStageAction {
  return {
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
}

/** The action building one service's image with its CodeBuild project. */
function buildAction(service: ServiceDeploymentTarget, projectName: string): CodepipelineStageAction {
  return {
    name: `Build-${service.name}`,
    category: 'Build',
    owner: 'AWS',
    provider: 'CodeBuild',
    version: '1',
    inputArtifacts: [SOURCE_ARTIFACT],
    outputArtifacts: [buildArtifact(service.name)],
    configuration: { ProjectName: projectName },
  };
}

/** The action running one service's release task with the release tasks project, `order`-th of its stage. */
function releaseAction(service: string, projectName: string, order: number): CodepipelineStageAction {
  return {
    ...operationsAction(`Release-${service}`, projectName),
    runOrder: order,
    configuration: {
      ProjectName: projectName,
      EnvironmentVariables: JSON.stringify([{ name: RELEASE_SERVICE_VARIABLE, value: service, type: 'PLAINTEXT' }]),
    },
  };
}

/** An action running an operations command in a CodeBuild project on the checked-out sources. */
function operationsAction(name: string, projectName: string): CodepipelineStageAction {
  return { name, category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1', inputArtifacts: [SOURCE_ARTIFACT], configuration: { ProjectName: projectName } };
}

/** The action deploying one service through CodeDeploy from the build's task definition and AppSpec templates. */
function blueGreenDeployAction(target: EnvironmentDeploymentConfig, service: ServiceDeploymentTarget): CodepipelineStageAction {
  const artifact = buildArtifact(service.name);
  return {
    name: `Deploy-${service.name}`,
    category: 'Deploy',
    owner: 'AWS',
    provider: 'CodeDeployToECS',
    version: '1',
    inputArtifacts: [artifact],
    configuration: {
      ApplicationName: target.codeDeployApplicationName,
      DeploymentGroupName: service.codeDeployDeploymentGroupName,
      TaskDefinitionTemplateArtifact: artifact,
      TaskDefinitionTemplatePath: BUILD_OUTPUT_FILES.taskDefinition,
      AppSpecTemplateArtifact: artifact,
      AppSpecTemplatePath: BUILD_OUTPUT_FILES.appSpec,
      Image1ArtifactName: artifact,
      Image1ContainerName: 'IMAGE1_NAME',
    },
  };
}

/** The action rolling one ECS service to the image of the build's image definitions. */
function rollingDeployAction(target: EnvironmentDeploymentConfig, service: ServiceDeploymentTarget): CodepipelineStageAction {
  return {
    name: `Deploy-${service.name}`,
    category: 'Deploy',
    owner: 'AWS',
    provider: 'ECS',
    version: '1',
    inputArtifacts: [buildArtifact(service.name)],
    configuration: {
      ClusterName: target.clusterName,
      ServiceName: service.ecsServiceName,
      FileName: BUILD_OUTPUT_FILES.imageDefinitions,
      DeploymentTimeout: '30',
    },
  };
}

/**
 * The stages of the pipeline: source, one build per service, the optional manual approval, the
 * release tasks one after the other (a failure stops the pipeline before anything is deployed),
 * one deploy per service, and the static site's publication.
 */
export function pipelineStages(props: PipelineStagesProps): CodepipelineStage[] {
  const { deployment, target, built } = props;
  const deployAction = deployment.strategy === 'blue-green' ? blueGreenDeployAction : rollingDeployAction;
  return [
    { name: 'Source', action: [sourceAction(deployment)] },
    { name: 'Build', action: built.map((service) => buildAction(service, props.buildProjectNames[service.name])) },
    ...(target.requireApproval
      ? [{ name: 'Approve', action: [{ name: 'Approve', category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' }] }]
      : []),
    ...(props.release !== undefined && props.release.services.length > 0
      ? [{ name: 'Release', action: props.release.services.map((service, index) => releaseAction(service, props.release!.projectName, index + 1)) }]
      : []),
    { name: 'Deploy', action: built.map((service) => deployAction(target, service)), onFailure: { result: 'ROLLBACK' } },
    ...(props.publishSiteProjectName !== undefined ? [{ name: 'Publish', action: [operationsAction('Publish-site', props.publishSiteProjectName)] }] : []),
  ];
}
