import { on, PermissionSet } from '../permission-set';

const ECS_TAGS = ['ecs:TagResource', 'ecs:UntagResource', 'ecs:ListTagsForResource'];
const LOG_GROUP_TAGS = ['logs:TagResource', 'logs:UntagResource', 'logs:TagLogGroup', 'logs:UntagLogGroup'];

/** ECS, ECR, EC2 Auto Scaling, Application Auto Scaling, CloudWatch, KMS and Cloud Map (hashicorp/aws 5.100.0). */
export const COMPUTE_RESOURCE_PERMISSIONS: Record<string, PermissionSet> = {
  aws_ecs_cluster: {
    read: [on('ecsCluster', 'ecs:DescribeClusters', 'ecs:ListTagsForResource')],
    write: [on('ecsCluster', 'ecs:CreateCluster', 'ecs:UpdateCluster', 'ecs:UpdateClusterSettings', 'ecs:DeleteCluster', ...ECS_TAGS)],
    serviceLinkedRoles: ['ecs.amazonaws.com'],
  },
  aws_ecs_cluster_capacity_providers: {
    read: [on('ecsCluster', 'ecs:DescribeClusters')],
    write: [on('ecsCluster', 'ecs:PutClusterCapacityProviders')],
  },
  aws_ecs_capacity_provider: {
    read: [on('ecsCapacityProviders', 'ecs:DescribeCapacityProviders', 'ecs:ListTagsForResource')],
    write: [
      on('ecsCapacityProviders', 'ecs:CreateCapacityProvider', 'ecs:UpdateCapacityProvider', 'ecs:DeleteCapacityProvider', ...ECS_TAGS),
      // ECS tags the group it manages (AmazonECSManaged).
      on('autoScalingGroups', 'autoscaling:CreateOrUpdateTags'),
    ],
    serviceLinkedRoles: ['ecs.amazonaws.com'],
  },
  aws_ecs_task_definition: {
    // Registering, deregistering and describing task definitions have no resource-level permissions.
    read: [on('regional', 'ecs:DescribeTaskDefinition'), on('ecsTaskDefinitions', 'ecs:ListTagsForResource')],
    write: [on('regional', 'ecs:RegisterTaskDefinition', 'ecs:DeregisterTaskDefinition'), on('ecsTaskDefinitions', ...ECS_TAGS)],
    passRoleTo: ['ecs-tasks.amazonaws.com'],
  },
  aws_ecs_service: {
    read: [on('ecsServices', 'ecs:DescribeServices', 'ecs:ListTagsForResource')],
    write: [on('ecsServices', 'ecs:CreateService', 'ecs:UpdateService', 'ecs:DeleteService', ...ECS_TAGS)],
    serviceLinkedRoles: ['ecs.amazonaws.com'],
  },
  aws_ecr_repository: {
    read: [on('ecrRepositories', 'ecr:DescribeRepositories', 'ecr:ListTagsForResource')],
    write: [
      on('ecrRepositories', 'ecr:CreateRepository', 'ecr:DeleteRepository', 'ecr:PutImageTagMutability', 'ecr:PutImageScanningConfiguration', 'ecr:TagResource', 'ecr:UntagResource'),
      // A KMS-encrypted repository gets a grant on its key, created with the caller's permissions.
      on('kmsKeys', 'kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'),
    ],
  },
  aws_ecr_lifecycle_policy: {
    read: [on('ecrRepositories', 'ecr:GetLifecyclePolicy')],
    write: [on('ecrRepositories', 'ecr:PutLifecyclePolicy', 'ecr:DeleteLifecyclePolicy')],
  },
  aws_autoscaling_group: {
    // Auto Scaling reads have no resource-level permissions.
    read: [on('regional', 'autoscaling:Describe*')],
    write: [
      on('autoScalingGroups',
        'autoscaling:CreateAutoScalingGroup', 'autoscaling:UpdateAutoScalingGroup', 'autoscaling:DeleteAutoScalingGroup',
        'autoscaling:CreateOrUpdateTags', 'autoscaling:DeleteTags', 'autoscaling:SetInstanceProtection',
        'autoscaling:SuspendProcesses', 'autoscaling:ResumeProcesses'),
      // Creating a group from a launch template checks that the caller could launch it.
      on('ec2', 'ec2:RunInstances', 'ec2:CreateTags'),
      on('publicParameters', 'ssm:GetParameters'),
    ],
    passRoleTo: ['ec2.amazonaws.com'],
    serviceLinkedRoles: ['autoscaling.amazonaws.com'],
  },
  aws_appautoscaling_target: {
    // Scalable targets and policies have random ids; no name to scope by.
    read: [on('regional', 'application-autoscaling:DescribeScalableTargets', 'application-autoscaling:ListTagsForResource')],
    write: [
      on('regional', 'application-autoscaling:RegisterScalableTarget', 'application-autoscaling:DeregisterScalableTarget',
        'application-autoscaling:TagResource', 'application-autoscaling:UntagResource'),
      on('ecsServices', 'ecs:DescribeServices', 'ecs:UpdateService'),
    ],
    serviceLinkedRoles: ['ecs.application-autoscaling.amazonaws.com'],
  },
  aws_appautoscaling_policy: {
    read: [on('regional', 'application-autoscaling:DescribeScalingPolicies', 'cloudwatch:DescribeAlarms')],
    write: [
      on('regional', 'application-autoscaling:PutScalingPolicy', 'application-autoscaling:DeleteScalingPolicy'),
      on('alarms', 'cloudwatch:PutMetricAlarm', 'cloudwatch:DeleteAlarms'),
    ],
  },
  aws_cloudwatch_metric_alarm: {
    read: [on('regional', 'cloudwatch:DescribeAlarms'), on('alarms', 'cloudwatch:ListTagsForResource')],
    write: [on('alarms', 'cloudwatch:PutMetricAlarm', 'cloudwatch:DeleteAlarms', 'cloudwatch:TagResource', 'cloudwatch:UntagResource')],
  },
  aws_cloudwatch_log_group: {
    // DescribeLogGroups is authorized on all log groups of the region only.
    read: [on('regional', 'logs:DescribeLogGroups'), on('logGroups', 'logs:ListTagsForResource', 'logs:ListTagsLogGroup')],
    write: [on('logGroups',
      'logs:CreateLogGroup', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy',
      'logs:AssociateKmsKey', 'logs:DisassociateKmsKey', ...LOG_GROUP_TAGS)],
  },
  aws_kms_key: {
    read: [on('kmsKeys', 'kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags')],
    write: [
      on('kmsKeyCreation', 'kms:CreateKey', 'kms:TagResource'),
      on('kmsKeys',
        'kms:PutKeyPolicy', 'kms:EnableKeyRotation', 'kms:DisableKeyRotation', 'kms:UpdateKeyDescription',
        'kms:ScheduleKeyDeletion', 'kms:TagResource', 'kms:UntagResource'),
    ],
  },
  aws_kms_alias: {
    // ListAliases has no resource-level permissions.
    read: [on('regional', 'kms:ListAliases'), on('kmsKeys', 'kms:DescribeKey')],
    // Alias changes are authorized on the alias and on the key.
    write: [on('kmsAliases', 'kms:CreateAlias', 'kms:UpdateAlias', 'kms:DeleteAlias'), on('kmsKeys', 'kms:CreateAlias', 'kms:UpdateAlias', 'kms:DeleteAlias')],
  },
  aws_service_discovery_http_namespace: {
    // Cloud Map namespaces and services have random ids; creation has no resource-level permissions.
    read: [on('regional', 'servicediscovery:GetNamespace', 'servicediscovery:GetOperation', 'servicediscovery:ListTagsForResource')],
    write: [on('regional',
      'servicediscovery:CreateHttpNamespace', 'servicediscovery:UpdateHttpNamespace', 'servicediscovery:DeleteNamespace',
      'servicediscovery:TagResource', 'servicediscovery:UntagResource',
      // ECS Service Connect creates and removes the namespace's services as the caller.
      'servicediscovery:CreateService', 'servicediscovery:GetService', 'servicediscovery:UpdateService', 'servicediscovery:DeleteService')],
  },
};
