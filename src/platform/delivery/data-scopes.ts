import type { ResolvedScope } from './environment-scopes';
import type { ScopeArns } from './scope-arns';

/** Scopes of the data stack's resources: databases, caches and tables, by their exact names. */
export const DATA_SCOPES = {
  rdsResources: (a: ScopeArns): ResolvedScope => {
    const databases = a.env.data?.databases ?? [];
    const snapshots = databases.flatMap((db) => (db.finalSnapshotIdentifier !== undefined ? [db.finalSnapshotIdentifier] : []));
    return {
      resources: [
        ...databases.flatMap((db) => (db.kind === 'instance' ? [db.identifier] : db.instanceIdentifiers)).map((id) => a.arn('rds', `db:${id}`)),
        ...databases.filter((db) => db.kind === 'aurora-serverless').map((db) => a.arn('rds', `cluster:${db.identifier}`)),
        ...databases.map((db) => a.arn('rds', `subgrp:${db.subnetGroupName}`)),
        ...databases.map((db) => a.arn('rds', `${db.kind === 'instance' ? 'pg' : 'cluster-pg'}:${db.parameterGroupName}`)),
        ...snapshots.flatMap((id) => [a.arn('rds', `snapshot:${id}`), a.arn('rds', `cluster-snapshot:${id}`)]),
      ],
    };
  },

  rdsMasterSecrets: (a: ScopeArns): ResolvedScope => {
    return { resources: (a.env.data?.databases.length ?? 0) > 0 ? [a.arn('secretsmanager', 'secret:rds!*')] : [] };
  },

  cacheResources: (a: ScopeArns): ResolvedScope => {
    return {
      resources: (a.env.data?.caches ?? []).flatMap((cache) => [
        a.arn('elasticache', `serverlesscache:${cache.cacheName}`),
        a.arn('elasticache', `user:${cache.userId}`),
        a.arn('elasticache', `user:${cache.defaultUserId}`),
        a.arn('elasticache', `usergroup:${cache.userGroupId}`),
      ]),
    };
  },

  dynamodbTables: (a: ScopeArns): ResolvedScope => {
    return { resources: (a.env.data?.tables ?? []).map((table) => a.arn('dynamodb', `table/${table.tableName}`)) };
  },
};
