import { typescript } from 'projen';
import type { ClusterOptions } from './cluster';
import type { DataOptions } from './data';
import type { DeploymentOptions } from './deployment';
import type { DomainOptions } from './domain';
import type { EnvironmentOptions } from './environment';
import type { FleetOptions } from './fleet';
import type { IGuardrail } from './guardrails';
import type { LoadBalancerOptions } from './load-balancer';
import type { NetworkOptions } from './network';
import type { ObservabilityOptions } from './observability';
import type { ServiceOptions } from './service';
import type { TerraformStateOptions } from './state';
import type { StaticSiteOptions } from './static-site';
import type { JobOptions, WorkerOptions } from './workloads';

/**
 * Options of an ECS service repository.
 */
export interface EcsServiceProjectOptions extends typescript.TypeScriptProjectOptions {
  /**
   * Default AWS region of the environments.
   * @default "us-east-1"
   * @featured
   */
  readonly region?: string;

  /**
   * Prefix of every AWS resource name: lowercase letters, digits and hyphens, starting with a letter,
   * at most 20 characters.
   * @default - the project name, lowercased, without npm scope, other characters replaced by hyphens
   */
  readonly resourcePrefix?: string;

  /**
   * Deployment environments, in deployment order.
   * @default [{"name":"dev"}]
   * @featured
   */
  readonly environments?: EnvironmentOptions[];

  /**
   * The VPC of every environment.
   * @default {}
   */
  readonly network?: NetworkOptions;

  /**
   * The ECS cluster of every environment.
   * @default {}
   */
  readonly cluster?: ClusterOptions;

  /**
   * The load balancer in front of the services.
   * @default {}
   */
  readonly loadBalancer?: LoadBalancerOptions;

  /**
   * The services; the first load-balanced one receives the load balancer's default route.
   * @default - one service named after the project, built from `app/`
   * @featured
   */
  readonly services?: ServiceOptions[];

  /**
   * Queue workers: services without load balancer consuming an SQS queue the platform creates.
   * @default []
   */
  readonly workers?: WorkerOptions[];

  /**
   * Scheduled jobs: tasks started by EventBridge Scheduler on a cron or rate expression.
   * @default []
   */
  readonly jobs?: JobOptions[];

  /**
   * Databases, caches, buckets and tables of every environment, in a `<env>-data` stack that
   * deploys before the services; each names the workloads it is attached to.
   * @default {}
   */
  readonly data?: DataOptions;

  /**
   * The DNS domain: a Route 53 hosted zone, a name per environment (`dev.example.com`, production on
   * the apex), DNS-validated certificates, HTTPS with the HTTP→HTTPS redirect, and alias records.
   * @default - none: the load balancer's DNS name, HTTPS only with `loadBalancer.certificateArn`
   */
  readonly domain?: DomainOptions;

  /**
   * A static website served by CloudFront from S3, next to the services.
   * @default - none
   */
  readonly staticSite?: StaticSiteOptions;

  /**
   * Where Terraform keeps state.
   * @default - local state files
   */
  readonly terraformState?: TerraformStateOptions;

  /**
   * Terraform version installed by the CI workflows.
   * @default "1.11.4"
   */
  readonly terraformVersion?: string;

  /**
   * How the services are built and deployed: GitHub Actions or CodePipeline, rolling or blue/green,
   * who owns the task definition, and the OIDC roles and approvals of each environment.
   * @default {}
   */
  readonly deployment?: DeploymentOptions;

  /**
   * Alarms, notifications and the dashboard of every environment.
   * @default {}
   */
  readonly observability?: ObservabilityOptions;

  /**
   * Tags on every resource of every environment (the provider's default tags), next to the
   * platform's own `project`, `environment` and `managed-by`. AWS limits apply: at most 49 default
   * tags per environment (50 per resource, one kept for `Name`), keys of 1 to 128 and values of up
   * to 256 letters, digits, spaces and `_ . : / = + - @`, no `aws:` prefix.
   * @default {}
   */
  readonly tags?: { [key: string]: string };

  /**
   * Rules of the organisation checked with the options at `npx projen` time; each problem is
   * reported like an invalid option (option path, value, what the organisation allows). An
   * organisation's project type appends its own, so that a service repository cannot drop them.
   * @default []
   */
  readonly guardrails?: IGuardrail[];

  /**
   * Scheduled template upgrades (pull requests) and drift detection (issues), for environments
   * with a plan role.
   * @default {}
   */
  readonly fleet?: FleetOptions;
}
