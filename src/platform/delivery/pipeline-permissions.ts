import type { EnvironmentDeploymentConfig } from '../contract/deployment-config';
import type { PolicyStatement } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';

/** The artifacts a pipeline step reads and writes: the bucket's objects, the bucket, and its key. */
export function artifactAccess(bucketArn: string, keyArn: string): PolicyStatement[] {
  return [
    { Sid: 'Artifacts', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'], Resource: `${bucketArn}/*` },
    { Sid: 'ArtifactBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:GetBucketVersioning'], Resource: bucketArn },
    { Sid: 'ArtifactKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'], Resource: keyArn },
  ];
}

/** What the image builds need besides the artifacts: their logs, ECR pushes, and (blue/green) the task definitions. */
export interface BuildPermissionsProps {
  readonly aws: AwsContext;
  /** Name of the build log group. */
  readonly logGroupName: string;
  /** ARNs of the ECR repositories the builds push to. */
  readonly repositoryArns: string[];
  /** Whether the builds write task definition templates (blue/green). */
  readonly readTaskDefinitions: boolean;
}

/** The statements of the build role besides the artifact access. */
export function buildPermissions(props: BuildPermissionsProps): PolicyStatement[] {
  return [
    { Sid: 'WriteBuildLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${props.aws.logGroupArn(props.logGroupName)}:*` },
    { Sid: 'GetEcrToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
    {
      Sid: 'PushServiceImages',
      Effect: 'Allow',
      Action: [
        'ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload',
        'ecr:PutImage', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:DescribeImages',
      ],
      Resource: props.repositoryArns,
    },
    ...(props.readTaskDefinitions ? [{ Sid: 'ReadTaskDefinitions', Effect: 'Allow' as const, Action: 'ecs:DescribeTaskDefinition', Resource: '*' }] : []),
  ];
}

/** What the pipeline's deploy stage needs: CodeDeploy (blue/green) or updating the ECS services (rolling). */
export function deployPermissions(aws: AwsContext, target: EnvironmentDeploymentConfig, blueGreen: boolean): PolicyStatement[] {
  if (blueGreen) {
    return [{
      Sid: 'DeployWithCodeDeploy',
      Effect: 'Allow',
      Action: ['codedeploy:CreateDeployment', 'codedeploy:GetDeployment', 'codedeploy:GetApplication', 'codedeploy:GetApplicationRevision', 'codedeploy:RegisterApplicationRevision', 'codedeploy:GetDeploymentConfig'],
      Resource: [
        aws.arn('codedeploy', `application:${target.codeDeployApplicationName}`),
        ...target.services.map((service) => aws.arn('codedeploy', `deploymentgroup:${target.codeDeployApplicationName}/${service.codeDeployDeploymentGroupName}`)),
        aws.arn('codedeploy', 'deploymentconfig:*'),
      ],
    }];
  }
  return [{
    Sid: 'UpdateServices',
    Effect: 'Allow',
    Action: ['ecs:DescribeServices', 'ecs:UpdateService'],
    Resource: target.services.map((service) => aws.arn('ecs', `service/${target.clusterName}/${service.ecsServiceName}`)),
  }];
}

/** Passing the services' task and execution roles (by their configured names) to ECS, as registering a task definition requires. */
export function passTaskRoles(aws: AwsContext, roleNames: string[]): PolicyStatement {
  const taskRoleArns = roleNames.map((name) => aws.arn('iam', `role/${name}`, { global: true }));
  return {
    Sid: 'PassTaskRoles',
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: taskRoleArns,
    Condition: { StringEquals: { 'iam:PassedToService': `ecs-tasks.${aws.dnsSuffix}` } },
  };
}
