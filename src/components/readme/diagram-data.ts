import { mermaidId, mermaidLabel } from './mermaid';
import type { EnvironmentConfig } from '../../platform/contract/config';
import type { DataConfig } from '../../platform/contract/data-config';

/** One data resource as the diagram and the data section describe it. */
export interface DataResourceSummary {
  readonly name: string;
  /** Kind and engine in words, e.g. `RDS MySQL 8.4 db.t4g.micro`. */
  readonly what: string;
  /** Protection in words, e.g. `deletion protection, final snapshot`. */
  readonly protection: string;
  readonly attachTo: string[];
}

/** Every data resource of an environment, databases first. */
export function dataResourceSummaries(data: DataConfig): DataResourceSummary[] {
  const kept = (protectedResource: boolean) => (protectedResource ? 'deletion protection' : 'no deletion protection');
  return [
    ...data.databases.map((db) => ({
      name: db.name,
      what: db.kind === 'aurora-serverless'
        ? `Aurora Serverless v2 ${db.rdsEngine} ${db.engineVersion}, ${db.minCapacity}–${db.maxCapacity} ACU${db.multiAz ? ', writer and reader' : ''}`
        : `RDS ${db.rdsEngine} ${db.engineVersion} ${db.instanceClass}${db.multiAz ? ' Multi-AZ' : ''}, ${db.allocatedStorageGiB} GiB`,
      protection: `${kept(db.deletionProtection)}, backups ${db.backupRetentionDays} d${db.finalSnapshotIdentifier ? ', final snapshot' : ''}`,
      attachTo: db.attachTo,
    })),
    ...data.caches.map((cache) => ({
      name: cache.name,
      what: `ElastiCache Serverless ${cache.engine} ${cache.majorEngineVersion}`,
      protection: cache.snapshotRetentionDays > 0 ? `snapshots ${cache.snapshotRetentionDays} d` : 'no snapshots',
      attachTo: cache.attachTo,
    })),
    ...data.buckets.map((bucket) => ({
      name: bucket.name,
      what: `S3 bucket ${bucket.adoptedName ?? `${bucket.bucketPrefix}…`} (${bucket.access}${bucket.adoptedName !== undefined ? ', adopted' : ''})`,
      protection: bucket.forceDestroy ? 'emptied on destroy' : 'kept on destroy, versioned',
      attachTo: bucket.attachTo,
    })),
    ...data.tables.map((table) => ({
      name: table.name,
      what: `DynamoDB table ${table.tableName} (${table.access}${table.adopted ? ', adopted' : ''})`,
      protection: `${kept(table.deletionProtection)}, point-in-time recovery`,
      attachTo: table.attachTo,
    })),
  ];
}

/** The data stack's resources and the services they are attached to. */
export function dataLines(environment: EnvironmentConfig): string[] {
  const data = environment.data;
  if (data === undefined) return [];
  const resources = dataResourceSummaries(data);
  return [
    `subgraph data_stack[${mermaidLabel(`data stack ${environment.name}-data`, 'KMS-encrypted, private')}]`,
    ...resources.map((resource) => `  ${mermaidId('data', resource.name)}[(${mermaidLabel(resource.name, resource.what)})]`),
    'end',
    ...resources.flatMap((resource) => resource.attachTo
      .filter((workload) => environment.services.some((service) => service.name === workload))
      .map((workload) => `${mermaidId('svc', workload)} --> ${mermaidId('data', resource.name)}`)),
  ];
}
