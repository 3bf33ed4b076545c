import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';
import { RdsClusterParameterGroup } from '@cdktf/provider-aws/lib/rds-cluster-parameter-group';
import { Construct } from 'constructs';
import { GuardedEndpoint } from './guarded-endpoint';
import { MonitoringRole } from './monitoring-role';
import type { DatabaseConfig } from '../contract/data-config';
import type { AwsContext } from '../core/aws-context';

/** Properties of {@link Database}. */
export interface DatabaseProps {
  readonly aws: AwsContext;
  readonly config: DatabaseConfig;
  readonly vpcId: string;
  /** Private subnets, in at least two zones. */
  readonly subnetIds: string[];
  /** Retention of the exported logs, days. */
  readonly logRetentionDays: number;
  /** The data stack's key: storage, master secret, Performance Insights and logs. */
  readonly kmsKeyArn: string;
}

/** Performance Insights retention: the free tier. */
const PERFORMANCE_INSIGHTS_RETENTION_DAYS = 7;
/** The CA of the server certificate clients verify. */
const CA_CERTIFICATE = 'rds-ca-rsa2048-g1';

/**
 * A relational database (RDS instance or Aurora Serverless v2 cluster) that is private and kept:
 * in private subnets of two or more zones, never publicly accessible, reachable only from its
 * clients security group; storage, master secret, Performance Insights and logs encrypted with the
 * data key; the master password generated and rotated by RDS in Secrets Manager (never in state);
 * TLS required by its parameter group; backups, deletion protection and final snapshot as configured.
 */
export class Database extends Construct {
  public readonly config: DatabaseConfig;
  /** Host name of the writer. */
  public readonly address: string;
  /** ARN of the RDS-managed Secrets Manager secret (`username`, `password`). */
  public readonly secretArn: string;
  /** `rds-db:connect` resource of the master user. */
  public readonly connectArn: string;
  /** The server and clients security groups. */
  public readonly endpoint: GuardedEndpoint;
  /** The RDS instance, for kind `instance`. */
  public readonly instance?: DbInstance;
  /** The Aurora cluster and its instances, for kind `aurora-serverless`. */
  public readonly cluster?: RdsCluster;
  public readonly clusterInstances: RdsClusterInstance[] = [];

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id);
    const { config } = props;
    this.config = config;
    this.endpoint = new GuardedEndpoint(this, 'endpoint', {
      vpcId: props.vpcId,
      what: `database ${config.identifier}`,
      serverGroupName: config.securityGroupName,
      clientsGroupName: config.clientsSecurityGroupName,
      fromPort: config.port,
      toPort: config.port,
    });
    const subnetGroup = new DbSubnetGroup(this, 'subnet_group', {
      name: config.subnetGroupName,
      description: `Private subnets of ${config.identifier}`,
      subnetIds: props.subnetIds,
    });
    const logGroups = config.logGroupNames.map((name, i) => new CloudwatchLogGroup(this, `log_group_${config.logExports[i]}`.replace(/-/g, '_'), {
      name,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.kmsKeyArn,
    }));
    const monitoringRoleArn = config.monitoringRoleName !== undefined
      ? new MonitoringRole(this, 'monitoring', { aws: props.aws, name: config.monitoringRoleName }).role.arn
      : undefined;
    const shared: SharedSettings = { props, subnetGroupName: subnetGroup.name, logGroups, monitoringRoleArn };
    const user = config.masterUsername;
    if (config.kind === 'aurora-serverless') {
      this.cluster = this.createCluster(shared);
      this.address = this.cluster.endpoint;
      this.secretArn = this.cluster.masterUserSecret.get(0).secretArn;
      this.connectArn = props.aws.arn('rds-db', `dbuser:${this.cluster.clusterResourceId}/${user}`);
    } else {
      this.instance = this.createInstance(shared);
      this.address = this.instance.address;
      this.secretArn = this.instance.masterUserSecret.get(0).secretArn;
      this.connectArn = props.aws.arn('rds-db', `dbuser:${this.instance.resourceId}/${user}`);
    }
  }

  /** Settings of the instance or the cluster and its instances that do not depend on the kind. */
  private common(shared: SharedSettings) {
    const { config, kmsKeyArn } = shared.props;
    return {
      engine: config.rdsEngine,
      engineVersion: config.engineVersion,
      port: config.port,
      dbSubnetGroupName: shared.subnetGroupName,
      storageEncrypted: true,
      kmsKeyId: kmsKeyArn,
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: kmsKeyArn,
      backupRetentionPeriod: config.backupRetentionDays,
      deletionProtection: config.deletionProtection,
      skipFinalSnapshot: config.finalSnapshotIdentifier === undefined,
      ...(config.finalSnapshotIdentifier !== undefined ? { finalSnapshotIdentifier: config.finalSnapshotIdentifier } : {}),
      copyTagsToSnapshot: true,
      iamDatabaseAuthenticationEnabled: config.iamAuthentication,
      enabledCloudwatchLogsExports: config.logExports,
      vpcSecurityGroupIds: [this.endpoint.serverGroup.id],
      dependsOn: shared.logGroups,
    };
  }

  /** Settings of every DB instance (the RDS instance or each Aurora instance). */
  private instanceSettings(shared: SharedSettings) {
    const { config, kmsKeyArn } = shared.props;
    return {
      instanceClass: config.instanceClass,
      publiclyAccessible: false,
      autoMinorVersionUpgrade: true,
      caCertIdentifier: CA_CERTIFICATE,
      performanceInsightsEnabled: config.performanceInsights,
      ...(config.performanceInsights
        ? { performanceInsightsKmsKeyId: kmsKeyArn, performanceInsightsRetentionPeriod: PERFORMANCE_INSIGHTS_RETENTION_DAYS }
        : {}),
      monitoringInterval: config.monitoringIntervalSeconds,
      ...(shared.monitoringRoleArn !== undefined ? { monitoringRoleArn: shared.monitoringRoleArn } : {}),
    };
  }

  private createInstance(shared: SharedSettings): DbInstance {
    const { config } = shared.props;
    const parameterGroup = new DbParameterGroup(this, 'parameter_group', parameterGroupSettings(config));
    return new DbInstance(this, 'instance', {
      ...this.common(shared),
      ...this.instanceSettings(shared),
      identifier: config.identifier,
      dbName: config.databaseName,
      username: config.masterUsername,
      allocatedStorage: config.allocatedStorageGiB,
      maxAllocatedStorage: config.maxAllocatedStorageGiB,
      storageType: 'gp3',
      multiAz: config.multiAz,
      parameterGroupName: parameterGroup.name,
    });
  }

  private createCluster(shared: SharedSettings): RdsCluster {
    const { config } = shared.props;
    const parameterGroup = new RdsClusterParameterGroup(this, 'parameter_group', parameterGroupSettings(config));
    const cluster = new RdsCluster(this, 'cluster', {
      ...this.common(shared),
      clusterIdentifier: config.identifier,
      engineMode: 'provisioned',
      databaseName: config.databaseName,
      masterUsername: config.masterUsername,
      dbClusterParameterGroupName: parameterGroup.name,
      serverlessv2ScalingConfiguration: { minCapacity: config.minCapacity ?? 0.5, maxCapacity: config.maxCapacity ?? 1 },
    });
    config.instanceIdentifiers.forEach((identifier, i) => this.clusterInstances.push(new RdsClusterInstance(this, `instance_${i + 1}`, {
      ...this.instanceSettings(shared),
      identifier,
      clusterIdentifier: cluster.id,
      engine: config.rdsEngine,
      engineVersion: cluster.engineVersion,
      dbSubnetGroupName: shared.subnetGroupName,
      copyTagsToSnapshot: true,
      // The writer first; the reader, in another zone, takes over on failure.
      promotionTier: i,
    })));
    return cluster;
  }
}

/** The parameter group (of the instance or the cluster) that makes the server refuse connections without TLS. */
function parameterGroupSettings(config: DatabaseConfig) {
  return { name: config.parameterGroupName, family: config.parameterGroupFamily, description: `TLS required on ${config.identifier}`, parameter: config.parameters };
}

interface SharedSettings {
  readonly props: DatabaseProps;
  readonly subnetGroupName: string;
  readonly logGroups: CloudwatchLogGroup[];
  readonly monitoringRoleArn?: string;
}
