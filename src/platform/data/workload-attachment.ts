import type { SecretConfig } from '../contract/config';
import type { AttachmentValue, DataOutputReference, WorkloadAttachmentConfig } from '../contract/data-config';
import type { PolicyStatement } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';
import type { UpstreamOutputs } from '../core/state';

/** A workload's attachment record with the data stack's outputs filled in, ready for its task definition and roles. */
export interface ResolvedAttachment {
  /** Environment variables of the application container. */
  readonly environment: Record<string, string>;
  /** Secrets of the application container (Secrets Manager JSON keys). */
  readonly secrets: SecretConfig[];
  /** Keys the execution role may decrypt those secrets with. */
  readonly secretKeyArns: string[];
  /** Statements of the task role, exact resources only. */
  readonly taskStatements: PolicyStatement[];
  /** Security groups the tasks carry besides their own. */
  readonly securityGroupIds: string[];
}

/** Nothing attached. */
export const NO_ATTACHMENT: ResolvedAttachment = { environment: {}, secrets: [], secretKeyArns: [], taskStatements: [], securityGroupIds: [] };

/**
 * Turns an attachment record into values of the consuming stack, reading the data stack's outputs
 * through `outputs`. Services, workers and jobs all call this with their own record.
 *
 * @param attachment the workload's record (`EnvironmentConfig.data.attachments[workload]`), if any
 * @param outputs the data stack's outputs, read by the consuming stack
 */
export function resolveAttachment(
  attachment: WorkloadAttachmentConfig | undefined, outputs: UpstreamOutputs | undefined, aws: AwsContext,
): ResolvedAttachment {
  if (attachment === undefined) {
    return NO_ATTACHMENT;
  }
  if (outputs === undefined) {
    throw new Error('A workload has data resources attached, but its stack does not read the data stack');
  }
  const read = (reference: DataOutputReference): string =>
    `${reference.key !== undefined ? outputs.mapEntry(reference.output, reference.key) : outputs.string(reference.output)}${reference.suffix ?? ''}`;
  const value = (item: AttachmentValue): string => (typeof item === 'string' ? item : read(item));
  return {
    environment: Object.fromEntries(Object.entries(attachment.environment).map(([name, item]) => [name, value(item)])),
    secrets: attachment.secrets.map((secret): SecretConfig => ({
      name: secret.name,
      valueFrom: `${read(secret.secretArn)}:${secret.jsonKey}::`,
      resourceArn: read(secret.secretArn),
      source: 'secretsmanager',
    })),
    secretKeyArns: attachment.secretsKmsKeyArn ? [read(attachment.secretsKmsKeyArn)] : [],
    taskStatements: attachment.taskStatements.map((statement): PolicyStatement => ({
      Sid: statement.sid,
      Effect: 'Allow',
      Action: statement.actions,
      Resource: statement.resources.map(value),
      ...(statement.viaServices
        ? { Condition: { StringEquals: { 'kms:ViaService': statement.viaServices.map((service) => `${service}.${aws.region}.${aws.dnsSuffix}`) } } }
        : {}),
    })),
    securityGroupIds: attachment.clientSecurityGroups.map(read),
  };
}
