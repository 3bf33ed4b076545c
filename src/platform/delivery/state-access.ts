import type { S3StateConfig } from '../contract/config';
import type { PolicyStatement } from '../contract/policies';

/** Which state access a role gets. */
export type StateAccess = 'plan' | 'deploy';

/** Where an environment's state lives and which key encrypts it. */
export interface StateLocation {
  readonly partition: string;
  readonly state: S3StateConfig;
  /** ARN (or ARN pattern, when another account's stack creates it) of the state bucket's KMS key. */
  readonly keyArn: string;
}

/** ARN of the state bucket. */
export function stateBucketArn(partition: string, state: S3StateConfig): string {
  return `arn:${partition}:s3:::${state.bucket}`;
}

/** ARN pattern of one environment's state objects and lock files. */
export function environmentStateObjects(partition: string, state: S3StateConfig): string {
  return `${stateBucketArn(partition, state)}/${state.environmentKeyPrefix}/*`;
}

/** ARN pattern of one environment's lock files (`use_lockfile`) only. */
export function environmentLockFiles(partition: string, state: S3StateConfig): string {
  return `${stateBucketArn(partition, state)}/${state.environmentKeyPrefix}/*.tflock`;
}

/**
 * Conditions under which a role may use the state key: only through S3 in the bucket's region,
 * and only for the state bucket (with S3 Bucket Keys the encryption context is the bucket ARN).
 */
export function stateKeyConditions(partition: string, state: S3StateConfig): Record<string, Record<string, string>> {
  return {
    StringEquals: {
      'kms:ViaService': `s3.${state.region}.amazonaws.com`,
      'kms:EncryptionContext:aws:s3:arn': stateBucketArn(partition, state),
    },
  };
}

/**
 * A role's access to its own environment's state, and to nothing else in the bucket: list the
 * bucket (Terraform checks for workspaces), read the environment's state, and write it (deploy)
 * or only take and release its locks (plan); use the state key through S3 for that bucket.
 */
export function stateStatements(location: StateLocation, access: StateAccess): PolicyStatement[] {
  const { partition, state } = location;
  const objects = environmentStateObjects(partition, state);
  return [
    { Sid: 'ListStateBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: stateBucketArn(partition, state) },
    access === 'deploy'
      ? { Sid: 'ReadWriteEnvironmentStateAndLocks', Effect: 'Allow', Action: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'], Resource: objects }
      : { Sid: 'ReadEnvironmentState', Effect: 'Allow', Action: 's3:GetObject', Resource: objects },
    ...(access === 'plan'
      ? [{ Sid: 'LockEnvironmentState', Effect: 'Allow' as const, Action: ['s3:DeleteObject', 's3:PutObject'], Resource: environmentLockFiles(partition, state) }]
      : []),
    {
      Sid: 'UseStateKeyThroughS3',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: location.keyArn,
      Condition: stateKeyConditions(partition, state),
    },
  ];
}

/** The delivery roles of an environment in another account, by ARN. */
export interface ForeignEnvironmentRoles {
  readonly environment: string;
  readonly state: S3StateConfig;
  readonly deployRoleArn: string;
  readonly planRoleArn: string;
  /** `arn:<partition>:iam::<account>:root` of the role's account. */
  readonly accountRootArn: string;
}

/**
 * Bucket policy statements admitting the delivery roles of environments in other accounts, each
 * to its own environment's keys only. The principal is the account, narrowed to the role by
 * condition, so the policy is valid whichever account is bootstrapped first.
 */
export function foreignStateGrants(partition: string, bucketArn: string, environments: ForeignEnvironmentRoles[]): PolicyStatement[] {
  const id = (name: string) => name.replace(/[^A-Za-z0-9]/g, '');
  const forRoles = (roles: string[]) => ({ ArnEquals: { 'aws:PrincipalArn': roles } });
  return environments.flatMap((env) => {
    const principal = { AWS: env.accountRootArn };
    const objects = `${bucketArn}/${env.state.environmentKeyPrefix}/*`;
    return [
      { Sid: `ListState${id(env.environment)}`, Effect: 'Allow', Principal: principal, Action: 's3:ListBucket', Resource: bucketArn, Condition: forRoles([env.deployRoleArn, env.planRoleArn]) },
      { Sid: `ReadState${id(env.environment)}`, Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: objects, Condition: forRoles([env.deployRoleArn, env.planRoleArn]) },
      { Sid: `WriteState${id(env.environment)}`, Effect: 'Allow', Principal: principal, Action: ['s3:DeleteObject', 's3:PutObject'], Resource: objects, Condition: forRoles([env.deployRoleArn]) },
      {
        Sid: `LockState${id(env.environment)}`,
        Effect: 'Allow',
        Principal: principal,
        Action: ['s3:DeleteObject', 's3:PutObject'],
        Resource: environmentLockFiles(partition, env.state).replace(stateBucketArn(partition, env.state), bucketArn),
        Condition: forRoles([env.planRoleArn]),
      },
    ] satisfies PolicyStatement[];
  });
}
