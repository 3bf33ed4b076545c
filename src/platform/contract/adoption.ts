import type { TextRule } from './rules';

/**
 * Existing repositories and log groups an environment takes over instead of creating them (for
 * example those of an application moved from AWS Copilot): each keeps its physical name, and the
 * stack that manages it carries a Terraform `import` block with its id, so the first apply adopts it
 * instead of recreating it. Once in the state, the import block is a no-op; the entry stays because
 * it also holds the name. Adopted tables and buckets are marked on their data resources
 * (`TableConfig.adopted`, `BucketConfig.adoptedName`).
 */
export interface AdoptionConfig {
  /** Existing ECR repository names, by service name: the service's images live there. */
  readonly imageRepositories: Record<string, string>;
  /** Existing log group that becomes the services' log group of the environment. */
  readonly logGroupName?: string;
}

/** The kinds of resources an environment can adopt, as the options name them. */
export const ADOPTABLE_KINDS = ['ecr-repository', 'log-group', 'dynamodb-table', 's3-bucket'] as const;

/** A kind of adoptable resource. */
export type AdoptableKind = (typeof ADOPTABLE_KINDS)[number];

/** What the id of each adoptable kind must look like (the names AWS accepts). */
export const ADOPTION_ID_RULES: Record<AdoptableKind, TextRule> = {
  'ecr-repository': {
    pattern: '^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$',
    maxLength: 256,
    what: 'an ECR repository name',
    expected: 'lowercase letters, digits and ._-/ separators, e.g. "myapp/api"',
  },
  'log-group': {
    pattern: '^[.\\-_/#A-Za-z0-9]+$',
    maxLength: 512,
    what: 'a CloudWatch Logs log group name',
    expected: 'letters, digits and ._-/#, e.g. "/copilot/myapp-prod-api"',
  },
  'dynamodb-table': {
    pattern: '^[A-Za-z0-9_.-]{3,255}$',
    maxLength: 255,
    what: 'a DynamoDB table name',
    expected: '3 to 255 letters, digits and _.-, e.g. "myapp-prod-api-orders"',
  },
  's3-bucket': {
    pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$',
    maxLength: 63,
    what: 'an S3 bucket name',
    expected: '3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit',
  },
};
