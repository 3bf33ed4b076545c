import { createHash } from 'crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { dirname, resolve } from 'path';
import type { SynthesizedStack } from './manifest';
import { OFFLINE_ACCOUNT_ID } from './offline-terraform';
import { readStackJson, upstreamReferences } from './stack-json';
import type { EnvironmentConfig, PlatformConfig } from '../contract/config';
import { natGatewayCount } from '../contract/cost/network-costs';
import { imageRepositoryName, serviceLogGroupName, STACK_ROLES, stackName } from '../contract/naming';
import { CLUSTER_OUTPUTS, DATA_OUTPUTS, NETWORK_OUTPUTS, SERVICE_OUTPUTS } from '../contract/stack-interface';

/** Lineage of fixture state files; the writer never overwrites a state without it. */
export const FIXTURE_LINEAGE_PREFIX = 'offline-fixture-';

/** What fixture values depend on: the producer stack's environment and account. */
interface FixtureContext {
  readonly project: string;
  readonly environment: EnvironmentConfig;
  readonly accountId: string;
}

type OutputFixture = (context: FixtureContext, synthesized: unknown) => unknown;

/**
 * Writes, for every stack the given stack reads outputs from, a Terraform state file holding
 * nothing but those outputs, where the given stack reads it (`../<stack>/terraform.<stack>.tfstate`;
 * for S3 state the local stand-in `OfflineTerraform` points the read at). Values look like the real
 * ones and match the producer's synthesized outputs: as many subnet ids as subnets, one repository
 * per service with a repository, ARNs in the environment's partition, region and account
 * (`accountId` or {@link OFFLINE_ACCOUNT_ID}).
 *
 * @param stack the consuming stack
 * @param stacks all synthesized stacks (to find the producers' directories)
 * @param config the configuration the stacks were synthesized from
 * @returns paths of the written files
 * @throws when a target file exists and is not a fixture (a real state is never overwritten)
 */
export function writeUpstreamStates(stack: SynthesizedStack, stacks: SynthesizedStack[], config: PlatformConfig): string[] {
  return upstreamReferences(readStackJson(stack.dir)).map((upstream) => {
    const producer = stacks.find((candidate) => candidate.name === upstream.stack);
    if (producer === undefined) {
      throw new Error(`Stack ${stack.name} reads the outputs of ${upstream.stack}, which is not among the synthesized stacks`);
    }
    const path = resolve(stack.dir, upstream.localPath);
    writeStateFile(path, upstream.stack, fixtureOutputs(producer, config));
    return path;
  });
}

/**
 * Fixture values of the outputs a producer stack declares, by output name. Outputs the fixture does
 * not know (added by escape hatches) are left out; literal outputs are copied.
 */
export function fixtureOutputs(producer: SynthesizedStack, config: PlatformConfig): Record<string, unknown> {
  const context = fixtureContext(producer.name, config);
  const declared = readStackJson(producer.dir).output ?? {};
  const values: Record<string, unknown> = {};
  for (const [name, output] of Object.entries(declared)) {
    if (!JSON.stringify(output.value).includes('${')) {
      values[name] = output.value;
    } else if (name in OUTPUT_FIXTURES) {
      values[name] = OUTPUT_FIXTURES[name](context, output.value);
    }
  }
  return values;
}

function fixtureContext(producer: string, config: PlatformConfig): FixtureContext {
  for (const environment of config.environments) {
    if (STACK_ROLES.some((role) => stackName(environment, role) === producer)) {
      return { project: config.project, environment, accountId: environment.accountId ?? OFFLINE_ACCOUNT_ID };
    }
  }
  throw new Error(`Stack ${producer} belongs to no environment of the configuration`);
}

const OUTPUT_FIXTURES: Record<string, OutputFixture> = {
  [NETWORK_OUTPUTS.vpcId]: (c) => fakeId('vpc', c, 'vpc'),
  [NETWORK_OUTPUTS.vpcCidr]: (c) => c.environment.network.cidr,
  [NETWORK_OUTPUTS.availabilityZones]: (c) => [...c.environment.network.availabilityZones],
  [NETWORK_OUTPUTS.publicSubnetIds]: (c, synthesized) => subnetsLike(c, synthesized, (i) => fakeId('subnet', c, `public-${i}`)),
  [NETWORK_OUTPUTS.privateSubnetIds]: (c, synthesized) => subnetsLike(c, synthesized, (i) => fakeId('subnet', c, `private-${i}`)),
  [NETWORK_OUTPUTS.natGatewayIds]: (c) => Array.from({ length: natGatewayCount(c.environment) }, (_, i) => fakeId('nat', c, `nat-${i}`)),
  [CLUSTER_OUTPUTS.clusterName]: (c) => c.environment.cluster.name,
  [CLUSTER_OUTPUTS.clusterArn]: (c) => arn(c, 'ecs', `cluster/${c.environment.cluster.name}`),
  [CLUSTER_OUTPUTS.execLogGroupArn]: (c) => arn(c, 'logs', `log-group:${c.environment.cluster.execLogGroupName}`),
  [CLUSTER_OUTPUTS.serviceConnectNamespaceArn]: (c) => arn(c, 'servicediscovery', `namespace/ns-${digest(c, 'namespace').slice(0, 16)}`),
  // Declared only by clusters with EC2 capacity.
  [CLUSTER_OUTPUTS.ec2CapacityProviderName]: (c) => c.environment.cluster.ec2Capacity!.name,
  [CLUSTER_OUTPUTS.kmsKeyArn]: (c) => arn(c, 'kms', `key/${fakeUuid(c, 'cluster-key')}`),
  [CLUSTER_OUTPUTS.logGroupName]: (c) => serviceLogGroupName(c.project, c.environment),
  [CLUSTER_OUTPUTS.logGroupArn]: (c) => arn(c, 'logs', `log-group:${serviceLogGroupName(c.project, c.environment)}`),
  [CLUSTER_OUTPUTS.alarmTopicArn]: (c) => {
    const topic = c.environment.observability?.topic;
    return topic?.kind === 'existing' ? topic.arn : arn(c, 'sns', topic?.name ?? 'alarms');
  },
  [CLUSTER_OUTPUTS.ecrRepositoryUrls]: (c, synthesized) => mapLike(synthesized, (service) =>
    `${c.accountId}.dkr.ecr.${c.environment.region}.${dnsSuffix(c)}/${imageRepositoryName(c.project, c.environment, service)}`),
  [CLUSTER_OUTPUTS.ecrRepositoryArns]: (c, synthesized) => mapLike(synthesized, (service) =>
    arn(c, 'ecr', `repository/${imageRepositoryName(c.project, c.environment, service)}`)),
  // Read by the pipeline's site publishing project, with a static site.
  [SERVICE_OUTPUTS.staticSiteBucket]: (c) => `${c.environment.staticSite?.bucketPrefix ?? `${c.project}-site-`}${digest(c, 'site-bucket').slice(0, 26)}`,
  [SERVICE_OUTPUTS.staticSiteDistributionId]: (c) => `E${digest(c, 'distribution').slice(0, 13).toUpperCase()}`,
  [DATA_OUTPUTS.kmsKeyArn]: (c) => arn(c, 'kms', `key/${fakeUuid(c, 'data-key')}`),
  [DATA_OUTPUTS.databaseAddresses]: (c, synthesized) => mapLike(synthesized, (name) => `${name}.c${digest(c, 'rds').slice(0, 12)}.${c.environment.region}.rds.amazonaws.com`),
  [DATA_OUTPUTS.databaseSecretArns]: (c, synthesized) => mapLike(synthesized, (name) => arn(c, 'secretsmanager', `secret:rds!db-${fakeUuid(c, name)}-AbCdEf`)),
  [DATA_OUTPUTS.databaseConnectArns]: (c, synthesized) => mapLike(synthesized, (name) => arn(c, 'rds-db', `dbuser:db-${digest(c, name).slice(0, 26).toUpperCase()}/dbadmin`)),
  [DATA_OUTPUTS.cacheAddresses]: (c, synthesized) => mapLike(synthesized, (name) => `${name}-${digest(c, name).slice(0, 6)}.serverless.use1.cache.amazonaws.com`),
  [DATA_OUTPUTS.cacheArns]: (c, synthesized) => mapLike(synthesized, (name) => arn(c, 'elasticache', `serverlesscache:${name}`)),
  [DATA_OUTPUTS.cacheUserArns]: (c, synthesized) => mapLike(synthesized, (name) => arn(c, 'elasticache', `user:${name}-app`)),
  [DATA_OUTPUTS.clientSecurityGroupIds]: (c, synthesized) => mapLike(synthesized, (name) => fakeId('sg', c, `clients-${name}`)),
  [DATA_OUTPUTS.bucketNames]: (c, synthesized) => mapLike(synthesized, (name) => `${c.project}-${c.environment.name}-${name}-${digest(c, name).slice(0, 20)}`),
  [DATA_OUTPUTS.bucketArns]: (c, synthesized) => mapLike(synthesized, (name) => `arn:${c.environment.partition}:s3:::${c.project}-${c.environment.name}-${name}-${digest(c, name).slice(0, 20)}`),
  [DATA_OUTPUTS.tableNames]: (c, synthesized) => mapLike(synthesized, (name) => `${c.project}-${c.environment.name}-${name}`),
  [DATA_OUTPUTS.tableArns]: (c, synthesized) => mapLike(synthesized, (name) => arn(c, 'dynamodb', `table/${c.project}-${c.environment.name}-${name}`)),
};

/** As many subnet ids as the output lists, or, for a splat over per-zone subnets, one per zone. */
function subnetsLike(c: FixtureContext, synthesized: unknown, item: (index: number) => string): string[] {
  const count = Array.isArray(synthesized) ? synthesized.length : c.environment.network.availabilityZones.length;
  return Array.from({ length: count }, (_, i) => item(i));
}

function mapLike(synthesized: unknown, value: (key: string) => string): Record<string, string> {
  const keys = synthesized !== null && typeof synthesized === 'object' ? Object.keys(synthesized) : [];
  return Object.fromEntries(keys.map((key) => [key, value(key)]));
}

function arn(c: FixtureContext, service: string, resource: string): string {
  return `arn:${c.environment.partition}:${service}:${c.environment.region}:${c.accountId}:${resource}`;
}

function dnsSuffix(c: FixtureContext): string {
  return c.environment.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

function digest(c: FixtureContext, seed: string): string {
  return createHash('sha256').update(`${c.project}/${c.environment.name}/${seed}`).digest('hex');
}

/** An EC2-style id: prefix, `-0` and 16 hex digits, stable for the same environment and seed. */
function fakeId(prefix: string, c: FixtureContext, seed: string): string {
  return `${prefix}-0${digest(c, seed).slice(0, 16)}`;
}

function fakeUuid(c: FixtureContext, seed: string): string {
  const hex = digest(c, seed);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Terraform's type notation of a JSON value, as state files record output types. */
function terraformType(value: unknown): unknown {
  if (Array.isArray(value)) {
    return ['tuple', value.map(terraformType)];
  }
  if (value !== null && typeof value === 'object') {
    return ['object', Object.fromEntries(Object.entries(value).map(([key, item]) => [key, terraformType(item)]))];
  }
  if (typeof value === 'number') {
    return 'number';
  }
  return typeof value === 'boolean' ? 'bool' : 'string';
}

function writeStateFile(path: string, stack: string, outputs: Record<string, unknown>): void {
  const lineage = `${FIXTURE_LINEAGE_PREFIX}${stack}`;
  if (existsSync(path)) {
    const existing = JSON.parse(readFileSync(path, 'utf-8')) as { lineage?: string };
    if (existing.lineage !== lineage) {
      throw new Error(`${path} holds a real Terraform state (lineage ${existing.lineage}); not overwriting it with a fixture`);
    }
  }
  const state = {
    version: 4,
    terraform_version: '1.5.0',
    serial: 1,
    lineage,
    outputs: Object.fromEntries(Object.entries(outputs).map(([name, value]) => [name, { value, type: terraformType(value) }])),
    resources: [],
    check_results: null,
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, undefined, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
