import { ElasticacheServerlessCache } from '@cdktf/provider-aws/lib/elasticache-serverless-cache';
import { ElasticacheUser } from '@cdktf/provider-aws/lib/elasticache-user';
import { ElasticacheUserGroup } from '@cdktf/provider-aws/lib/elasticache-user-group';
import { Construct } from 'constructs';
import { GuardedEndpoint } from './guarded-endpoint';
import type { CacheConfig } from '../contract/data-config';

/** Properties of {@link ServerlessCache}. */
export interface ServerlessCacheProps {
  readonly config: CacheConfig;
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly kmsKeyArn: string;
  /** Port of the cache (the reader endpoint listens on the next one). */
  readonly port: number;
}

/**
 * An ElastiCache Serverless cache (Valkey or Redis): TLS only (Serverless has no plaintext
 * endpoint), encrypted at rest with the data key, reachable only from its clients security group,
 * and authenticated with IAM: the application user has no password (the task role signs a token
 * with `elasticache:Connect`), and the `default` user every user group needs is switched off, so
 * no secret exists to leak or rotate.
 */
export class ServerlessCache extends Construct {
  public readonly cache: ElasticacheServerlessCache;
  /** The application's IAM-authenticated user. */
  public readonly user: ElasticacheUser;
  public readonly endpoint: GuardedEndpoint;

  constructor(scope: Construct, id: string, props: ServerlessCacheProps) {
    super(scope, id);
    const { config } = props;
    const engine = config.engine.toUpperCase();
    this.endpoint = new GuardedEndpoint(this, 'endpoint', {
      vpcId: props.vpcId,
      what: `cache ${config.cacheName}`,
      serverGroupName: config.securityGroupName,
      clientsGroupName: config.clientsSecurityGroupName,
      fromPort: props.port,
      toPort: props.port + 1,
    });
    const disabledDefault = new ElasticacheUser(this, 'default_user', {
      userId: config.defaultUserId,
      userName: 'default',
      engine,
      // "off": nobody can log in as the default user.
      accessString: 'off ~* -@all',
      authenticationMode: { type: 'no-password-required' },
    });
    this.user = new ElasticacheUser(this, 'app_user', {
      userId: config.userId,
      // IAM authentication requires the user name to equal the user id.
      userName: config.userId,
      engine,
      accessString: 'on ~* +@all -@dangerous',
      authenticationMode: { type: 'iam' },
    });
    const userGroup = new ElasticacheUserGroup(this, 'user_group', {
      userGroupId: config.userGroupId,
      engine,
      userIds: [disabledDefault.userId, this.user.userId],
    });
    this.cache = new ElasticacheServerlessCache(this, 'cache', {
      name: config.cacheName,
      engine: config.engine,
      majorEngineVersion: config.majorEngineVersion,
      description: `Cache ${config.name}`,
      kmsKeyId: props.kmsKeyArn,
      subnetIds: props.subnetIds,
      securityGroupIds: [this.endpoint.serverGroup.id],
      userGroupId: userGroup.userGroupId,
      snapshotRetentionLimit: config.snapshotRetentionDays,
      ...usageLimits(config),
    });
  }
}

function usageLimits(config: CacheConfig) {
  if (config.maxDataStorageGiB === undefined && config.maxEcpuPerSecond === undefined) {
    return {};
  }
  return {
    cacheUsageLimits: [{
      ...(config.maxDataStorageGiB !== undefined ? { dataStorage: [{ maximum: config.maxDataStorageGiB, unit: 'GB' }] } : {}),
      ...(config.maxEcpuPerSecond !== undefined ? { ecpuPerSecond: [{ maximum: config.maxEcpuPerSecond }] } : {}),
    }],
  };
}
