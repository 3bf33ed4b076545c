/**
 * A kind of existing resource an environment can take over.
 */
export enum AdoptedResourceKind {
  /** An ECR repository: becomes the image repository of `service` (the repository keeps its images). */
  ECR_REPOSITORY = 'ecr-repository',
  /** A CloudWatch Logs log group: becomes the environment's services' log group (it keeps its events). */
  LOG_GROUP = 'log-group',
}

/**
 * An existing resource that an environment adopts instead of creating: the resource keeps its
 * name, and the stack that manages it gets a Terraform `import` block, so the first apply takes it
 * over without recreating it. Keep the entry after the first apply: it also holds the name.
 */
export interface AdoptedResourceOptions {
  /** What the resource is. */
  readonly kind: AdoptedResourceKind;

  /** Its import id: the repository name for an ECR repository, the log group name for a log group. */
  readonly id: string;

  /**
   * The service the resource belongs to (required for an ECR repository: a service built from this
   * repository, without `image`).
   * @default - none
   */
  readonly service?: string;
}
