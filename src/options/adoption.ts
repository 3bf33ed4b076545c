/**
 * A kind of existing resource an environment can take over.
 */
export enum AdoptedResourceKind {
  /** An ECR repository: becomes the image repository of `service` (the repository keeps its images). */
  ECR_REPOSITORY = 'ecr-repository',
  /** A CloudWatch Logs log group: becomes the environment's services' log group (it keeps its events). */
  LOG_GROUP = 'log-group',
  /**
   * A DynamoDB table: becomes the table `dataResource` of `data.tables` (it keeps its items). Its keys
   * must be those of the table's options, and it must have no secondary index: either difference
   * would make Terraform replace the table.
   */
  DYNAMODB_TABLE = 'dynamodb-table',
  /** An S3 bucket: becomes the bucket `dataResource` of `data.buckets` (it keeps its objects and versions). */
  S3_BUCKET = 's3-bucket',
}

/**
 * An existing resource that an environment adopts instead of creating: the resource keeps its
 * name, and the stack that manages it gets a Terraform `import` block, so the first apply takes it
 * over without recreating it. Keep the entry after the first apply: it also holds the name.
 */
export interface AdoptedResourceOptions {
  /** What the resource is. */
  readonly kind: AdoptedResourceKind;

  /** Its import id: the name of the repository, log group, table or bucket. */
  readonly id: string;

  /**
   * The service the resource belongs to (required for an ECR repository: a service built from this
   * repository, without `image`).
   * @default - none
   */
  readonly service?: string;

  /**
   * The data resource the existing table or bucket becomes: a `data.tables[].name` for a table, a
   * `data.buckets[].name` for a bucket (required for those kinds, not allowed for the others).
   * @default - none
   */
  readonly dataResource?: string;
}
