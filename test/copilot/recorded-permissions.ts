import { Testing } from 'cdktf';
import type { PlatformConfig } from '../../src/platform/contract/config';
import type { PolicyStatement } from '../../src/platform/contract/policies';
import { BootstrapStack } from '../../src/platform/delivery/bootstrap-stack';
import { createPlatform } from '../../src/platform/platform';

/** An IAM action on a resource: what one recorded AWS call needs. */
export interface RequiredPermission {
  readonly action: string;
  readonly resource: string;
}

/** S3 sub-resources as the IAM actions that authorize reading them. */
const S3_READ_ACTIONS: Record<string, string> = {
  '': 's3:ListBucket',
  'location': 's3:GetBucketLocation',
  'policy': 's3:GetBucketPolicy',
  'acl': 's3:GetBucketAcl',
  'cors': 's3:GetBucketCORS',
  'website': 's3:GetBucketWebsite',
  'versioning': 's3:GetBucketVersioning',
  'accelerate': 's3:GetAccelerateConfiguration',
  'requestPayment': 's3:GetBucketRequestPayment',
  'logging': 's3:GetBucketLogging',
  'lifecycle': 's3:GetLifecycleConfiguration',
  'replication': 's3:GetReplicationConfiguration',
  'encryption': 's3:GetEncryptionConfiguration',
  'object-lock': 's3:GetBucketObjectLockConfiguration',
  'tagging': 's3:GetBucketTagging',
};

/** JSON protocol prefixes (X-Amz-Target) as IAM service prefixes. */
const JSON_SERVICES: Record<string, string> = {
  AmazonEC2ContainerRegistry_V20150921: 'ecr',
  Logs_20140328: 'logs',
  DynamoDB_20120810: 'dynamodb',
};

/**
 * The permission a call recorded by the fake needs, given the ARN of the resource each service was
 * asked about (the fake serves one resource per service).
 */
export function requiredPermission(call: string, arnOfService: Record<string, string>): RequiredPermission {
  const s3 = /^S3 (?:GET|HEAD) ([^?]+)(?:\?(.*))?$/.exec(call);
  if (s3 !== null) {
    const action = S3_READ_ACTIONS[s3[2] ?? ''];
    if (action === undefined) {
      throw new Error(`no IAM action known for the S3 call ${call}`);
    }
    return { action, resource: `arn:aws:s3:::${s3[1]}` };
  }
  const [target, operation] = call.split('.');
  const service = JSON_SERVICES[target];
  if (service === undefined || arnOfService[service] === undefined) {
    throw new Error(`no IAM service or resource known for the call ${call}`);
  }
  return { action: `${service}:${operation}`, resource: arnOfService[service] };
}

/** The statements of the plan role of an environment, as synthesized in its bootstrap stack. */
export function planRoleStatements(config: PlatformConfig, environment: string): PolicyStatement[] {
  const app = Testing.app();
  createPlatform(app, config);
  const bootstrap = app.node.children.find((child): child is BootstrapStack => child instanceof BootstrapStack)!;
  const json = JSON.parse(Testing.synth(bootstrap));
  const prefix = `${config.project}-${environment}`;
  const planPolicies = Object.values<any>(json.resource.aws_iam_policy).filter((policy) => new RegExp(`^${prefix}-plan-\\d+$`).test(policy.name));
  return planPolicies.flatMap((policy) => JSON.parse(policy.policy).Statement as PolicyStatement[]);
}

/** Whether an Allow statement grants the permission (IAM wildcards in actions and resources; conditions ignored). */
export function allowed(statements: PolicyStatement[], permission: RequiredPermission): boolean {
  const matches = (pattern: string, value: string, ignoreCase: boolean) =>
    new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*')}$`, ignoreCase ? 'i' : '').test(value);
  return statements.some((statement) => statement.Effect === 'Allow'
    && ([] as string[]).concat(statement.Action).some((action) => matches(action, permission.action, true))
    && ([] as string[]).concat(statement.Resource ?? []).some((resource) => matches(resource, permission.resource, false)));
}
