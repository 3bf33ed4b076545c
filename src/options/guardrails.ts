import type { EnvironmentPreset } from './environment';
import type { EcsServiceProjectOptions } from './project';

/**
 * One environment as a guardrail sees it: what the options resolved to, every default applied.
 */
export interface GuardrailEnvironment {
  /** Environment name. */
  readonly name: string;
  /** Option path of the environment, e.g. `environments[1]`. */
  readonly path: string;
  /** AWS region. */
  readonly region: string;
  /**
   * AWS account id.
   * @default - not set (the account of the credentials at deploy time)
   */
  readonly account?: string;
  /** The environment's preset. */
  readonly preset: EnvironmentPreset;
  /** The load balancer is protected from deletion. */
  readonly deletionProtection: boolean;
  /** ECS Exec is allowed into the containers. */
  readonly executeCommand: boolean;
  /** The load balancer listens on HTTPS (a certificate is set). */
  readonly https: boolean;
  /** A WAF web ACL (created or existing) protects the load balancer. */
  readonly loadBalancerWaf: boolean;
  /** CIDRs allowed to reach the load balancer. */
  readonly allowedCidrs: string[];
  /** EC2 instance types of the cluster's capacity (empty on Fargate only). */
  readonly instanceTypes: string[];
  /** Capacity providers of the services' strategies (`FARGATE`, `FARGATE_SPOT`, `EC2`). */
  readonly capacityProviders: string[];
  /** NAT gateways: `per-az`, `single` or `none`. */
  readonly natGateways: string;
  /** The default tags of every resource (the platform's included). */
  readonly tags: { [key: string]: string };
  /**
   * Terraform state bucket.
   * @default - local state
   */
  readonly stateBucket?: string;
  /** Names of the services. */
  readonly services: string[];
}

/** What a guardrail checks: the options as written and every environment as resolved. */
export interface GuardrailSubject {
  /** The options as the service repository wrote them (with the organisation's defaults). */
  readonly options: EcsServiceProjectOptions;
  /** Every environment, resolved. */
  readonly environments: GuardrailEnvironment[];
}

/** One thing a guardrail refuses, reported as `<path>: <value> is not allowed by <guardrail>; <allowed>`. */
export interface GuardrailViolation {
  /** Option path of the refused value, e.g. `environments[1].region` or `region`. */
  readonly path: string;
  /** The refused value. */
  readonly value: any;
  /** What the organisation allows, e.g. `expected one of eu-west-1, eu-central-1`. */
  readonly allowed: string;
  /**
   * The environment the violation concerns, named in the message when the path is project-wide.
   * @default - none
   */
  readonly environment?: string;
}

/**
 * A rule of an organisation, checked with the options at `npx projen` time.
 */
export interface IGuardrail {
  /** Short name in messages, e.g. `acme/regions`. */
  readonly name: string;

  /**
   * The violations of this rule; an empty list when the options comply.
   * @param subject the options and the resolved environments
   */
  check(subject: GuardrailSubject): GuardrailViolation[];
}
