import type { EnvironmentConfig } from '../contract/config';

/** What a scope resolver builds ARNs from: the environment and where it lives. */
export interface ScopeArns {
  readonly env: EnvironmentConfig;
  /** `<project>-<env>`, the prefix of the environment's resource names. */
  readonly prefix: string;
  readonly partition: string;
  readonly region: string;
  /** Account id (possibly a Terraform expression). */
  readonly account: string;
  /** ARN in the environment's region, or without region (`global`). */
  arn(service: string, resource: string, global?: boolean): string;
  /** ARN in another region of the environment's account. */
  arnIn(region: string, service: string, resource: string): string;
}
