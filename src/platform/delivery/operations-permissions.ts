import { on, PermissionSet } from './permission-set';

/**
 * What the operations commands (deploy, status, logs, exec, rollback, run-task, push-image) call at
 * run time with the deploy role, scoped to the environment (CodeDeploy deployments come with the
 * deployment group's resource type). Granted to the deploy role only: reading log
 * events and pulling images can reveal data, which the plan role must not see.
 */
export const OPERATIONS_PERMISSIONS: PermissionSet = {
  read: [],
  write: [
    // GetCallerIdentity needs no permission; stated so the policy reads as what the commands call.
    on('global', 'sts:GetCallerIdentity'),
    // Registry tokens are account-wide: ECR accepts only "*".
    on('regional', 'ecr:GetAuthorizationToken'),
    on('ecrRepositories',
      'ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer',
      'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage',
      'ecr:DescribeImages', 'ecr:ListImages'),
    on('ecsServices', 'ecs:DescribeServices', 'ecs:UpdateService'),
    on('ecsClusterListing', 'ecs:ListTasks'),
    on('ecsTasks', 'ecs:DescribeTasks', 'ecs:StopTask', 'ecs:ExecuteCommand'),
    on('ecsCluster', 'ecs:ExecuteCommand'),
    on('ecsTaskDefinitionsInCluster', 'ecs:RunTask'),
    // Task definitions have no resource-level permissions for these two.
    on('regional', 'ecs:DescribeTaskDefinition', 'ecs:RegisterTaskDefinition'),
    on('regional', 'elasticloadbalancing:DescribeTargetHealth', 'elasticloadbalancing:DescribeTargetGroups'),
    on('logGroups', 'logs:FilterLogEvents', 'logs:GetLogEvents', 'logs:StartLiveTail'),
  ],
  // RegisterTaskDefinition and RunTask hand the task and execution roles to ECS.
  passRoleTo: ['ecs-tasks.amazonaws.com'],
};

/**
 * What `publish-site` calls with the deploy role, in environments with a static site: listing,
 * writing and deleting the site bucket's objects (the bucket's name prefix: Terraform picks the
 * suffix) and invalidating the environment's distribution (its id is random: narrowed by the
 * environment's tags).
 */
export const SITE_PUBLISHING_PERMISSIONS: PermissionSet = {
  read: [],
  write: [
    on('siteBucket', 's3:ListBucket'),
    on('siteObjects', 's3:PutObject', 's3:DeleteObject'),
    on('siteDistribution', 'cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'),
  ],
};
