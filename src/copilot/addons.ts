import { Manifest } from './manifest';

/** CloudFormation types of stateful resources that `copilot storage init` and addons create. */
const STATEFUL_TYPES: Record<string, string> = {
  'AWS::S3::Bucket': 'BucketName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::RDS::DBCluster': 'DBClusterIdentifier',
  'AWS::RDS::DBInstance': 'DBInstanceIdentifier',
  'AWS::EFS::FileSystem': '',
  'AWS::ElastiCache::ReplicationGroup': 'ReplicationGroupId',
  'AWS::SQS::Queue': 'QueueName',
};

/** A stateful resource of an addon template: kept when the Copilot stacks are deleted. */
export interface StatefulResource {
  /** The addon template, e.g. `copilot/api/addons/orders.yml`. */
  readonly file: string;
  /** Its logical id in the template (what `--retain-resources` names). */
  readonly logicalId: string;
  /** Its CloudFormation type. */
  readonly type: string;
  /** Whether the template already retains it on stack deletion. */
  readonly retained: boolean;
}

/**
 * Reads an addon template: stateful resources are listed for the runbook and reported (no target
 * option adopts them yet), the rest are reported as not migrated.
 */
export function readAddon(manifest: Manifest): StatefulResource[] {
  ['AWSTemplateFormatVersion', 'Description', 'Parameters', 'Conditions', 'Mappings', 'Metadata', 'Outputs'].forEach((key) => manifest.take(key));
  const stateful: StatefulResource[] = [];
  for (const logicalId of manifest.keys('Resources')) {
    const path = `Resources.${logicalId}`;
    const type = String(manifest.peek(`${path}.Type`));
    if (type in STATEFUL_TYPES) {
      const retained = manifest.peek(`${path}.DeletionPolicy`) === 'Retain';
      stateful.push({ file: manifest.file, logicalId, type, retained });
      manifest.explainRest(path, `is a stateful ${type} with no target option yet; it is kept, not migrated (see MIGRATION.md)`);
    } else {
      manifest.explainRest(path, `is part of an addon (${type}) and is not migrated`);
    }
    // One line per resource: its type stands for the whole definition.
    manifest.report(`${path}.Type`, manifest.unmappedReason(path));
    manifest.take(path);
  }
  return stateful;
}
