import { on, PermissionSet } from '../permission-set';

/** CodeBuild, CodePipeline and CodeDeploy (hashicorp/aws 5.100.0). */
export const DELIVERY_RESOURCE_PERMISSIONS: Record<string, PermissionSet> = {
  aws_codebuild_project: {
    read: [on('codeBuildProjects', 'codebuild:BatchGetProjects')],
    write: [on('codeBuildProjects', 'codebuild:CreateProject', 'codebuild:UpdateProject', 'codebuild:DeleteProject')],
    passRoleTo: ['codebuild.amazonaws.com'],
  },
  aws_codepipeline: {
    read: [on('pipelines', 'codepipeline:GetPipeline', 'codepipeline:ListTagsForResource')],
    write: [
      on('pipelines', 'codepipeline:CreatePipeline', 'codepipeline:UpdatePipeline', 'codepipeline:DeletePipeline', 'codepipeline:TagResource', 'codepipeline:UntagResource'),
      // A pipeline whose source is a connection needs the right to hand that connection over.
      on('connections', 'codeconnections:PassConnection', 'codestar-connections:PassConnection'),
    ],
    passRoleTo: ['codepipeline.amazonaws.com'],
  },
  aws_codedeploy_app: {
    read: [on('codeDeploy', 'codedeploy:GetApplication', 'codedeploy:ListTagsForResource')],
    write: [on('codeDeploy', 'codedeploy:CreateApplication', 'codedeploy:UpdateApplication', 'codedeploy:DeleteApplication', 'codedeploy:TagResource', 'codedeploy:UntagResource')],
  },
  aws_codedeploy_deployment_group: {
    read: [on('codeDeploy', 'codedeploy:GetDeploymentGroup')],
    write: [
      on('codeDeploy', 'codedeploy:CreateDeploymentGroup', 'codedeploy:UpdateDeploymentGroup', 'codedeploy:DeleteDeploymentGroup', 'codedeploy:TagResource'),
      // `deploy:<env>` hands each new revision to the group and waits for the deployment (blue/green).
      on('codeDeploy', 'codedeploy:CreateDeployment', 'codedeploy:GetDeployment', 'codedeploy:GetDeploymentConfig',
        'codedeploy:RegisterApplicationRevision', 'codedeploy:GetApplicationRevision'),
    ],
    passRoleTo: ['codedeploy.amazonaws.com'],
  },
};
