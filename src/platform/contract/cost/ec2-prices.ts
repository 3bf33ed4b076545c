/**
 * Hourly on-demand prices (USD, Linux, shared tenancy) of the EC2 instance types the cluster's
 * Auto Scaling group is usually given, in us-east-1. Other regions multiply them by their
 * `ec2RegionFactor` (see price-table.ts), an approximation taken from the t3.medium price of each
 * region; an instance type missing here gets no price, and the estimate says so.
 *
 * Checked (December 2026): t3.micro, t3.medium, t3.large (hacecuentas.com, go-cloud.io, wring.co) and
 * m7g.large (factualminds.com). The other sizes follow from them: within these families AWS doubles
 * the price with each size step; the family base prices (t4g, m6i, m6g, m7i, c6i, c6g, c7g, r6i) were
 * not confirmed by a source.
 */
export const EC2_US_EAST_1_HOURLY: Readonly<Record<string, number>> = {
  ...family('t3', 0.0104, ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge']),
  ...family('t3a', 0.0094, ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge']),
  ...family('t4g', 0.0084, ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge']),
  ...family('m6i', 0.096, ['large', 'xlarge', '2xlarge', '4xlarge']),
  ...family('m7i', 0.1008, ['large', 'xlarge', '2xlarge', '4xlarge']),
  ...family('m6g', 0.0385, ['medium', 'large', 'xlarge', '2xlarge', '4xlarge']),
  ...family('m7g', 0.0408, ['medium', 'large', 'xlarge', '2xlarge', '4xlarge']),
  ...family('c6i', 0.085, ['large', 'xlarge', '2xlarge', '4xlarge']),
  ...family('c6g', 0.034, ['medium', 'large', 'xlarge', '2xlarge', '4xlarge']),
  ...family('c7g', 0.03625, ['medium', 'large', 'xlarge', '2xlarge', '4xlarge']),
  ...family('r6i', 0.126, ['large', 'xlarge', '2xlarge', '4xlarge']),
};

/** Prices of one family whose sizes double in price from `smallestHourly`, smallest size first. */
function family(name: string, smallestHourly: number, sizes: readonly string[]): Record<string, number> {
  return Object.fromEntries(sizes.map((size, i) => [`${name}.${size}`, roundPrice(smallestHourly * 2 ** i)]));
}

function roundPrice(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
