/**
 * Where a set of actions may act: a named group of one environment's resources. Each scope
 * resolves to ARNs (exact names or the environment's name prefix) and, where the resources have
 * no predictable ARN, to a pattern narrowed by conditions.
 */
export type ScopeName =
  /** `*` in the environment's region: actions without resource-level permissions. */
  | 'regional'
  /** `*`, any region: actions of global services without resource-level permissions (STS, Route 53). */
  | 'global'
  /** EC2 resources of the account in the region (EC2 ids are random) and public AMIs. */
  | 'ec2'
  /** AWS public SSM parameters (the ECS-optimized AMI ids) read when launching instances. */
  | 'publicParameters'
  | 'ecsCluster'
  | 'ecsServices'
  | 'ecsTaskDefinitions'
  /** RunTask of the environment's task definitions, only into the environment's cluster. */
  | 'ecsTaskDefinitionsInCluster'
  | 'ecsTasks'
  /** `*` narrowed to the environment's cluster (`ecs:cluster` condition): ListTasks. */
  | 'ecsClusterListing'
  | 'ecsCapacityProviders'
  | 'ecrRepositories'
  | 'logGroups'
  /** CreateKey: `*` in the region, only with the environment's tags in the request. */
  | 'kmsKeyCreation'
  /** The account's keys in the region that carry the environment's tags. */
  | 'kmsKeys'
  | 'kmsAliases'
  | 'loadBalancing'
  /** Roles the deploy role manages: `role/<project>-<env>-*` at the root path. */
  | 'workloadRoles'
  /** The same roles, for the actions that must carry the environment's permissions boundary. */
  | 'boundedWorkloadRoles'
  | 'instanceProfiles'
  | 'buckets'
  | 'alarms'
  | 'autoScalingGroups'
  | 'codeBuildProjects'
  | 'pipelines'
  | 'codeDeploy'
  | 'connections'
  | 'cloudFront'
  /** The static site's bucket (its name prefix). */
  | 'siteBucket'
  /** The objects of the static site's bucket. */
  | 'siteObjects'
  /** The account's distributions that carry the environment's tags. */
  | 'siteDistribution'
  /** Queues of the workers and jobs: `<project>-<env>-*`. */
  | 'sqsQueues'
  /** Topics of the services and workers and the alarm topic: `<project>-<env>-*`, or the existing alarm topic. */
  | 'snsTopics'
  /** Schedules of the jobs, in the default group. */
  | 'schedules'
  /** State machines of the jobs. */
  | 'stateMachines'
  /** Instances, clusters, subnet and parameter groups and final snapshots of the environment's databases. */
  | 'rdsResources'
  /** The master secrets RDS creates for the databases (`rds!` names are RDS's). */
  | 'rdsMasterSecrets'
  /** Serverless caches, their users and user groups. */
  | 'cacheResources'
  | 'dynamodbTables'
  | 'dashboards'
  /** The environment's web ACLs (or the existing ones it associates) and the AWS managed rule groups they reference. */
  | 'webAcls';
