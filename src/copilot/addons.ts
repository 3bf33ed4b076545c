import { Draft, EnumMember, ProjectDraft } from './draft';
import { isMap, Manifest, YamlValue } from './manifest';

/** CloudFormation types of stateful resources that `copilot storage init` and addons create. */
const STATEFUL_TYPES = [
  'AWS::S3::Bucket',
  'AWS::DynamoDB::Table',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::EFS::FileSystem',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::SQS::Queue',
];

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
  /** The data option that creates its replacement (empty: the data moves), e.g. `data.tables "carts"`. */
  readonly replacedBy?: string;
  /** The name of the `data.tables` or `data.buckets` entry it becomes, when it becomes one. */
  readonly dataResource?: string;
  /**
   * Its name with Copilot's `${App}` and `${Env}` parameters (the workload's name in place), e.g.
   * `${App}-${Env}-api-carts`, when every environment adopts it by that name (an `import` block).
   */
  readonly nameTemplate?: string;
}

/** Properties of a table or bucket that the created one decides itself (encryption, recovery, access). */
const DECIDED_BY_THE_PLATFORM = ['TableName', 'BucketName', 'SSESpecification', 'PointInTimeRecoverySpecification', 'BucketEncryption',
  'PublicAccessBlockConfiguration', 'VersioningConfiguration', 'OwnershipControls', 'AttributeDefinitions'];

/**
 * Reads an addon template of `owner` (a migrated workload; none for environment addons). DynamoDB
 * tables and S3 buckets become `data.tables` and `data.buckets` attached to the owner; every
 * stateful resource is listed for the runbook (kept, its data moved or left in place) and its
 * type line reported; the rest of the template is reported as not migrated.
 */
export function readAddon(manifest: Manifest, draft: ProjectDraft, owner?: string): StatefulResource[] {
  ['AWSTemplateFormatVersion', 'Description', 'Parameters', 'Conditions', 'Mappings', 'Metadata', 'Outputs'].forEach((key) => manifest.take(key));
  const stateful: StatefulResource[] = [];
  const mapped: string[] = [];
  for (const logicalId of manifest.keys('Resources')) {
    const path = `Resources.${logicalId}`;
    const type = String(manifest.peek(`${path}.Type`));
    if (STATEFUL_TYPES.includes(type)) {
      const retained = manifest.peek(`${path}.DeletionPolicy`) === 'Retain';
      const replacedBy = mapDataResource(manifest, path, type, logicalId, draft, owner);
      const nameTemplate = replacedBy !== undefined ? adoptedNameTemplate(manifest, path, type, owner) : undefined;
      const replacement = replacedBy !== undefined ? { replacedBy, dataResource: dataName(logicalId) } : {};
      stateful.push({ file: manifest.file, logicalId, type, retained, ...replacement, ...(nameTemplate !== undefined ? { nameTemplate } : {}) });
      mapped.push(...(replacedBy ? [logicalId] : []));
      manifest.explainRest(path, statefulReason(type, replacedBy, nameTemplate));
    } else {
      manifest.explainRest(path, `is part of an addon (${type}) and is not migrated${accessReason(manifest.peek(path), mapped)}`);
    }
    // One line per resource: its type stands for the whole definition.
    manifest.report(`${path}.Type`, manifest.unmappedReason(path));
    manifest.take(path);
  }
  return stateful;
}

function statefulReason(type: string, replacedBy?: string, nameTemplate?: string): string {
  if (nameTemplate !== undefined) {
    return `is adopted as ${replacedBy}: each environment imports it by name and keeps its data (see MIGRATION.md)`;
  }
  if (replacedBy === undefined) {
    return `is a stateful ${type} with no target option yet; it is kept, not migrated (see MIGRATION.md)`;
  }
  return type === 'AWS::S3::Bucket'
    ? `is created anew as ${replacedBy}, empty, unless you adopt it by the name CloudFormation gave it (see MIGRATION.md)`
    : `is created anew as ${replacedBy}, empty: move its data before the cut-over (see MIGRATION.md)`;
}

/** Properties of a table that the adopting stack sets to the same effect, or changes in place without loss. */
const ADOPTABLE_TABLE_PROPERTIES = ['TableName', 'AttributeDefinitions', 'KeySchema', 'BillingMode', 'ProvisionedThroughput',
  'TimeToLiveSpecification', 'SSESpecification', 'PointInTimeRecoverySpecification', 'Tags'];

/** Parameters Copilot passes to every addon template. */
const COPILOT_PARAMETERS = ['App', 'Env', 'Name'];

/**
 * The name by which every environment adopts a mapped table or bucket, if it has one: its name comes
 * from the template, differs per environment (it holds `${Env}`) and uses no other parameter than
 * Copilot's; a table has nothing the created one would drop or replace it for (secondary indexes,
 * streams, a table class). Copilot's buckets get names CloudFormation generates, found in the
 * account (MIGRATION.md says how).
 */
function adoptedNameTemplate(manifest: Manifest, path: string, type: string, owner?: string): string | undefined {
  const table = type === 'AWS::DynamoDB::Table';
  const nameTemplate = manifest.peek(`${path}.Properties.${table ? 'TableName' : 'BucketName'}`);
  if (typeof nameTemplate !== 'string' || !nameTemplate.includes('${Env}')) {
    return undefined;
  }
  const parameters = [...nameTemplate.matchAll(/\$\{([^}]*)\}/g)].map((match) => match[1]);
  const properties = manifest.peek(`${path}.Properties`);
  const keepsEverything = !table || Object.keys(isMap(properties) ? properties : {}).every((key) => ADOPTABLE_TABLE_PROPERTIES.includes(key));
  const known = parameters.every((parameter) => COPILOT_PARAMETERS.includes(parameter) && (parameter !== 'Name' || owner !== undefined));
  return keepsEverything && known ? nameTemplate.split('${Name}').join(owner ?? '') : undefined;
}

/** The option path of the table or bucket a stateful resource becomes, if it becomes one. */
function mapDataResource(manifest: Manifest, path: string, type: string, logicalId: string, draft: ProjectDraft, owner?: string): string | undefined {
  const properties = manifest.peek(`${path}.Properties`);
  const props = isMap(properties) ? properties : {};
  const name = dataName(logicalId);
  const attachment: Draft = owner !== undefined ? { attachTo: [owner] } : { unattachedReason: `an environment addon in Copilot (${manifest.file}); attach the workloads that use it` };
  const table = type === 'AWS::DynamoDB::Table' ? tableOptions(props) : undefined;
  if (table !== undefined) {
    draft.data.tables.push({ name, ...table, ...attachment });
  } else if (type === 'AWS::S3::Bucket') {
    draft.data.buckets.push({ name, ...attachment });
  } else {
    return undefined;
  }
  Object.keys(props).filter((key) => !DECIDED_BY_THE_PLATFORM.includes(key) && !TABLE_PROPERTIES.includes(key) && !isPrivateAcl(key, props[key]))
    .forEach((key) => manifest.report(`${path}.Properties.${key}`));
  return `${table !== undefined ? 'data.tables' : 'data.buckets'} "${name}"`;
}

/** `AccessControl: Private` says what every created bucket is (private, ACLs disabled); any other canned ACL is reported. */
function isPrivateAcl(key: string, value: YamlValue): boolean {
  return key === 'AccessControl' && value === 'Private';
}

const TABLE_PROPERTIES = ['KeySchema', 'BillingMode', 'ProvisionedThroughput', 'TimeToLiveSpecification'];
const KEY_TYPES: Record<string, string> = { S: 'STRING', N: 'NUMBER', B: 'BINARY' };

/** A table's keys, capacity and time to live; undefined when its key schema is not a plain one. */
function tableOptions(props: Record<string, YamlValue>): Draft | undefined {
  const schema = Array.isArray(props.KeySchema) ? props.KeySchema.filter(isMap) : [];
  const definitions = Array.isArray(props.AttributeDefinitions) ? props.AttributeDefinitions.filter(isMap) : [];
  const key = (keyType: string): Draft | undefined => {
    const name = schema.find((entry) => entry.KeyType === keyType)?.AttributeName;
    const attributeType = definitions.find((definition) => definition.AttributeName === name)?.AttributeType;
    if (typeof name !== 'string' || typeof attributeType !== 'string' || KEY_TYPES[attributeType] === undefined) {
      return undefined;
    }
    return { name, type: new EnumMember('TableAttributeType', KEY_TYPES[attributeType], attributeType) };
  };
  const partitionKey = key('HASH');
  if (partitionKey === undefined) {
    return undefined;
  }
  const sortKey = key('RANGE');
  const throughput = isMap(props.ProvisionedThroughput) ? props.ProvisionedThroughput : undefined;
  const timeToLive = isMap(props.TimeToLiveSpecification) ? props.TimeToLiveSpecification : undefined;
  const ttl = timeToLive?.Enabled === true ? timeToLive.AttributeName : undefined;
  return {
    partitionKey,
    ...(sortKey ? { sortKey } : {}),
    ...(props.BillingMode === 'PROVISIONED' && throughput ? {
      billingMode: new EnumMember('TableBillingMode', 'PROVISIONED', 'PROVISIONED'),
      readCapacity: Number(throughput.ReadCapacityUnits),
      writeCapacity: Number(throughput.WriteCapacityUnits),
    } : {}),
    ...(typeof ttl === 'string' ? { timeToLiveAttribute: ttl } : {}),
  };
}

/** A logical id as a data resource name: lowercase letters, digits and single hyphens, at most 30. */
function dataName(logicalId: string): string {
  const name = logicalId.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '');
  return (name || 'data').slice(0, 30).replace(/-+$/, '');
}

/** Why an access policy or bucket policy of a mapped table or bucket is not needed. */
function accessReason(resource: YamlValue | undefined, mapped: string[]): string {
  const text = JSON.stringify(resource ?? '');
  const type = isMap(resource) ? resource.Type : undefined;
  const refers = mapped.some((logicalId) => text.includes(`${logicalId}.Arn`) || text.includes(`"${logicalId}"`) || text.includes(`\${${logicalId}`));
  if (!refers || (type !== 'AWS::IAM::ManagedPolicy' && type !== 'AWS::S3::BucketPolicy')) {
    return '';
  }
  return type === 'AWS::IAM::ManagedPolicy' ? '; `attachTo` grants the attached workloads access instead' : '; the created bucket has the platform\'s policy (TLS only)';
}
