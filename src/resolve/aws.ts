import { closestWord } from './schema/closest';

/** Matches AWS region names such as `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/**
 * The regions of each partition (late 2026). A region opened later is refused until this list
 * names it: an unknown region fails here, at `npx projen`, instead of minutes into a deploy.
 */
export const REGIONS_BY_PARTITION: Record<string, readonly string[]> = {
  'aws': [
    'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2',
    'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
    'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2',
    'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1', 'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1',
    'us-west-2',
  ],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-east-1', 'us-gov-west-1'],
};

/** Whether AWS has a region of this name. */
export function isKnownRegion(region: string): boolean {
  return REGION_PATTERN.test(region) && (REGIONS_BY_PARTITION[partitionOf(region)] ?? []).includes(region);
}

/** Why a region is refused, with the closest known region. */
export function unknownRegionReason(region: string): string {
  const all = Object.values(REGIONS_BY_PARTITION).flat();
  const closest = closestWord(region, all);
  return closest ? `is not an AWS region; did you mean ${closest}?` : 'is not an AWS region; expected a region such as "us-east-1" or "eu-west-1"';
}

/** The account id of an ARN, undefined when it has none. */
export function accountOfArn(arn: string): string | undefined {
  return /^\d{12}$/.test(arn.split(':')[4] ?? '') ? arn.split(':')[4] : undefined;
}

/** The region of an ARN, undefined when it has none. */
export function regionOfArn(arn: string): string | undefined {
  return arn.split(':')[3] || undefined;
}

/** Retention periods (days) that CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** The AWS partition a region belongs to. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/** Whether `arn` is an ACM certificate ARN in `region`. */
export function isCertificateArn(arn: string, region: string): boolean {
  return new RegExp(`^arn:${partitionOf(region)}:acm:${region}:\\d{12}:certificate/[0-9a-f-]{36}$`).test(arn);
}

/** Whether `name` is a valid general-purpose S3 bucket name. */
export function isBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !name.includes('..') && !/^\d+\.\d+\.\d+\.\d+$/.test(name);
}
