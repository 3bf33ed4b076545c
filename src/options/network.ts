/**
 * How private subnets reach the internet.
 */
export enum NatGateways {
  /** One NAT gateway in every availability zone: no cross-zone dependency (production). */
  PER_AZ = 'per-az',
  /** One NAT gateway shared by all zones: cheaper, one zone is a single point of failure. */
  SINGLE = 'single',
  /** No NAT gateway: private subnets reach AWS services through VPC endpoints only. */
  NONE = 'none',
}

/**
 * An existing VPC to deploy into instead of creating one. The network stack then only passes
 * these ids on; the VPC's owner keeps its routing, NAT, endpoints and flow logs.
 */
export interface ExistingVpcOptions {
  /** ID of the VPC, e.g. "vpc-0123456789abcdef0". */
  readonly vpcId: string;
  /** Public subnets for the load balancer, in at least two availability zones. */
  readonly publicSubnetIds: string[];
  /** Private subnets with a route to AWS services (NAT or endpoints) for the tasks, in at least two zones. */
  readonly privateSubnetIds: string[];
}

/**
 * The VPC of every environment.
 */
export interface NetworkOptions {
  /**
   * IPv4 CIDR block of the VPC, prefix length /16 to /28. Unless the subnet CIDRs are given, public
   * and private subnets are carved from it (which needs /24 or larger): one public and one private
   * subnet per availability zone, each 1/16 of the VPC.
   * @default "10.0.0.0/16"
   */
  readonly cidr?: string;

  /**
   * Availability zones, at least two, all in the environment's region. Listed explicitly so that
   * synthesis needs no AWS API call.
   * @default - the zones "a" and "b" of the environment's region (e.g. ["us-east-1a","us-east-1b"])
   */
  readonly availabilityZones?: string[];

  /**
   * CIDR blocks of the public subnets, one per availability zone, inside the VPC and not overlapping.
   * @default - the first 1/16 slices of the VPC, one per zone
   */
  readonly publicSubnetCidrs?: string[];

  /**
   * CIDR blocks of the private subnets, one per availability zone, inside the VPC and not overlapping.
   * @default - the 1/16 slices of the VPC's second half, one per zone
   */
  readonly privateSubnetCidrs?: string[];

  /**
   * NAT gateways for the private subnets.
   * @default - NatGateways.SINGLE in development, NatGateways.PER_AZ in production
   */
  readonly natGateways?: NatGateways;

  /**
   * Create VPC endpoints so tasks reach AWS without the internet: an S3 gateway endpoint and interface
   * endpoints for ECR (api, dkr) and CloudWatch Logs, plus SSM, Secrets Manager, SSM Messages, KMS
   * and the ECS agent endpoints when services use secrets, ECS Exec or EC2 capacity.
   * @default - true when `natGateways` is NatGateways.NONE, false otherwise
   */
  readonly vpcEndpoints?: boolean;

  /**
   * Record all VPC traffic as flow logs in a KMS-encrypted CloudWatch log group.
   * @default true
   */
  readonly flowLogs?: boolean;

  /**
   * Dual stack (IPv4 and IPv6): an Amazon-provided /56 IPv6 block on the VPC, a /64 per subnet, an
   * egress-only internet gateway for the private subnets, a dual-stack load balancer open to `::/0`
   * wherever it is open to `0.0.0.0/0`, and AAAA records with a domain. Needs a VPC created here.
   * @default false
   */
  readonly ipv6?: boolean;

  /**
   * Deploy into an existing VPC instead of creating one.
   * @default - a new VPC per environment
   */
  readonly existingVpc?: ExistingVpcOptions;
}
