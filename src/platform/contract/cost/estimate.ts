import { computeCosts } from './compute-costs';
import { CostEstimate, CostLineItem, DEFAULT_LOGS_GB_PER_MONTH, HOURS_PER_MONTH, lineItem } from './cost-estimate';
import { networkCosts } from './network-costs';
import { FARGATE_SPOT_DISCOUNT, PRICES_AS_OF, REGION_PRICES, RegionPrices } from './price-table';
import type { EnvironmentConfig } from '../config';

/** A hosted zone a month (the first 25 of an account), in every region; DNS queries are usage-priced and left out. */
const ROUTE53_HOSTED_ZONE_MONTH = 0.5;

/** What an estimate may be told besides the environment. */
export interface EstimateOptions {
  /** CloudWatch Logs ingested a month by the environment, GB. @default 5 */
  readonly logsGbPerMonth?: number;
  /** The price table, by region. @default REGION_PRICES */
  readonly prices?: Readonly<Record<string, RegionPrices>>;
}

/**
 * The monthly cost of an environment as configured, from list prices: compute (Fargate, Fargate
 * Spot, EC2), NAT gateways, the load balancer, public IPv4 addresses, interface VPC endpoints, KMS
 * keys and log ingestion. Usage-priced charges (data transfer and processing, requests, S3,
 * CloudFront, pipelines) are left out and the assumptions say so.
 */
export function estimateMonthlyCost(environment: EnvironmentConfig, options: EstimateOptions = {}): CostEstimate {
  const prices = (options.prices ?? REGION_PRICES)[environment.region];
  const logsGb = options.logsGbPerMonth ?? DEFAULT_LOGS_GB_PER_MONTH;
  const base = { environment: environment.name, region: environment.region };
  if (prices === undefined) {
    return {
      ...base,
      priced: false,
      lineItems: [],
      total: 0,
      assumptions: [],
      warnings: [`No prices for region ${environment.region}: the price table knows ${Object.keys(options.prices ?? REGION_PRICES).join(', ')}.`],
    };
  }
  const compute = computeCosts(environment, prices);
  const lineItems: CostLineItem[] = [
    ...compute.lineItems,
    ...networkCosts(environment, prices),
    lineItem(`KMS keys × ${kmsKeyCount(environment)}`, kmsKeyCount(environment), 'key-months', prices.kmsKeyMonth),
    lineItem('CloudWatch Logs ingestion', logsGb, 'GB', prices.logsIngestionGb),
    // Route 53 prices hosted zones the same everywhere; ACM's public certificates are free.
    ...(environment.domain !== undefined && environment.domain.zone.kind !== 'existing'
      ? [lineItem('Route 53 hosted zone', 1, 'zone-months', ROUTE53_HOSTED_ZONE_MONTH)]
      : []),
  ];
  return {
    ...base,
    priced: true,
    lineItems,
    total: lineItems.reduce((sum, item) => sum + item.monthly, 0),
    assumptions: assumptions(environment, prices, logsGb),
    warnings: compute.warnings,
  };
}

/**
 * The keys the stacks create: the cluster's (logs, images, ECS Exec), the flow logs', the workloads'
 * messaging key, the data stack's, the alarm topic's and the CloudFront web ACL logs'.
 */
function kmsKeyCount(environment: EnvironmentConfig): number {
  return 1 + (environment.network.flowLogs ? 1 : 0)
    + (environment.workloads !== undefined ? 1 : 0)
    + (environment.data !== undefined ? 1 : 0)
    + (environment.observability?.topic.kind === 'created' ? 1 : 0)
    + (environment.staticSite?.waf?.kind === 'created' ? 1 : 0);
}

function assumptions(environment: EnvironmentConfig, prices: RegionPrices, logsGb: number): string[] {
  const counts = environment.services.map((service) => `${service.name} ${service.desiredCount}`).join(', ');
  return [
    `${HOURS_PER_MONTH} hours a month, everything running 24×7.`,
    `Each service at its desired count (${counts}); scaling out costs more.`,
    ...(environment.workloads !== undefined ? [
      'Queue workers at their minimum task count; scheduled jobs, SQS, SNS, EventBridge Scheduler and Step Functions are priced by use and not included.',
    ] : []),
    'Tasks shared between capacity providers by base, then weight, as averages (a fraction of a task is its share of the month).',
    `Fargate Spot at ${Math.round(FARGATE_SPOT_DISCOUNT * 100)}% below on-demand Fargate (AWS prices Spot per region and over time; this is an average).`,
    ...(environment.cluster.ec2Capacity ? ['EC2 capacity at the Auto Scaling group\'s minimum size, on-demand; EBS volumes not included.'] : []),
    'One load balancer capacity unit all month (light traffic).',
    `${logsGb} GB of CloudWatch Logs ingested a month; log storage and queries not included.`,
    ...(environment.data !== undefined
      ? ['The data stack\'s databases, caches, buckets and tables are not priced (only its KMS key is): see their pricing pages for the classes and capacity chosen.']
      : []),
    'No data transfer, NAT or endpoint data processing, requests, Container Insights metrics, S3, CloudFront or pipeline charges; no free tier, savings plans or taxes.',
    'No CloudWatch alarms ($0.10 per alarm metric), dashboard ($3) or WAF web ACL ($5, $1 per rule, $0.60 per million requests) charges.',
    `${environment.region} list prices as of ${PRICES_AS_OF}${prices.unverified.length > 0 ? `; not confirmed against a source: ${prices.unverified.join(', ')}` : ''}.`,
  ];
}
