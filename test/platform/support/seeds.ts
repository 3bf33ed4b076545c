import { configOf, CONFIGURED_ACCOUNT_ID } from './configs';
import {
  DeploymentStrategy, AutoscalingMode, CacheEngine, CapacityProvider, CpuArchitecture, DataAccess, DatabaseEngine, DatabaseKind,
  EnvironmentPreset, NatGateways, PriceClass, TableAttributeType,
} from '../../../src/options';
import type { PlatformConfig } from '../../../src/platform/contract/config';

/** An ACM certificate ARN in `region`. */
export function certificateIn(region: string): string {
  return `arn:aws:acm:${region}:${CONFIGURED_ACCOUNT_ID}:certificate/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9`;
}

/** A Secrets Manager secret ARN in `region`. */
export function secretIn(region: string, name: string): string {
  return `arn:aws:secretsmanager:${region}:${CONFIGURED_ACCOUNT_ID}:secret:${name}-AbCdEf`;
}

/**
 * The architecture of each seed (`../shared/seeds/`), expressed with the project's options only.
 * Each entry notes what the seed builds and where the configuration knowingly differs.
 */
export const SEEDS = {
  /**
   * 000 "ECS with Fargate and Terraform": one Fargate service in private subnets of 3 zones, a NAT
   * gateway per zone, a public ALB with an HTTP→HTTPS 301 redirect and an HTTPS listener on an
   * existing certificate, an ECR repository with a lifecycle policy, secrets from Secrets Manager,
   * and target tracking on CPU (60) and memory (80) between 1 and 4 tasks, 2 desired.
   * Differs on purpose: tasks admit only the ALB (the seed opens the container port to the
   * internet), immutable tags instead of `latest`, 100/200 rolling instead of 50/200, TLS 1.3 policy.
   */
  seed000: configOf({
    name: 'webapp',
    region: 'eu-central-1',
    network: {
      availabilityZones: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
      natGateways: NatGateways.PER_AZ,
      publicSubnetCidrs: ['10.0.16.0/20', '10.0.48.0/20', '10.0.80.0/20'],
      privateSubnetCidrs: ['10.0.0.0/20', '10.0.32.0/20', '10.0.64.0/20'],
    },
    cluster: { capacityProviderStrategy: [{ capacityProvider: CapacityProvider.FARGATE }] },
    loadBalancer: { certificateArn: certificateIn('eu-central-1') },
    services: [{
      name: 'webapp',
      containerPort: 8000,
      cpu: 256,
      memoryMiB: 512,
      desiredCount: 2,
      minCapacity: 1,
      maxCapacity: 4,
      targetCpuUtilization: 60,
      targetMemoryUtilization: 80,
      healthCheckPath: '/health',
      environment: { LOG_LEVEL: 'DEBUG', PORT: '8000' },
      secrets: { APP_SECRET: secretIn('eu-central-1', 'webapp/app-secret') },
    }],
  }),

  /**
   * 001 "MicroHack Fargate": a public Docker Hub image on Fargate in private subnets of 3 zones
   * behind an HTTP-only ALB, a single NAT gateway, and (part 2) a second copy on the EC2 launch
   * type with awsvpc networking on an Auto Scaling group of ECS-optimized instances (t2.small, 1 to 2).
   * Differs: both services share one ALB (the second routed by path) instead of one ALB each; the
   * instances join through a capacity provider (launch template, AL2023, IMDSv2) rather than a
   * launch configuration; autoscaling of the tasks is added.
   */
  seed001: configOf({
    name: 'blog',
    region: 'us-east-1',
    network: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      natGateways: NatGateways.SINGLE,
      publicSubnetCidrs: ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24'],
      privateSubnetCidrs: ['10.0.3.0/24', '10.0.4.0/24', '10.0.5.0/24'],
    },
    cluster: {
      capacityProviderStrategy: [{ capacityProvider: CapacityProvider.FARGATE }],
      ec2Capacity: { instanceType: 't2.small', minSize: 1, maxSize: 2 },
    },
    services: [
      { name: 'blog-fg', image: 'npalm/040code.github.io:latest', containerPort: 80, healthCheckPath: '/', desiredCount: 1 },
      {
        name: 'blog-ec2',
        image: 'npalm/040code.github.io:latest',
        containerPort: 80,
        healthCheckPath: '/',
        desiredCount: 1,
        capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2 }],
        routing: { pathPatterns: ['/ec2', '/ec2/*'] },
      },
    ],
  }),

  /**
   * 002 "ECS Dynamic Infrastructure" (EC2 mode, its default): backend and frontend services on an
   * EC2 capacity provider (ECS-optimized AL2023 from SSM, t3.small, 1 to 6, managed scaling to 100%,
   * binpack by memory), each with an nginx reverse proxy in the task that the ALB targets on port 80,
   * one shared ALB routing by host header (backend priority 1, frontend priority 2), HTTPS with a
   * TLS 1.3 policy, Service Connect between the tiers, Container Insights, ECS Exec logging to an
   * encrypted log group, health checks on "/" accepting 200,202,302, deregistration delay 30.
   * Differs: tasks and instances in private subnets behind NAT (the seed puts them in public
   * subnets); secrets would come from SSM/Secrets Manager directly rather than an .env file in S3;
   * CodeDeploy blue/green and CodePipeline belong to the deployment options. The seed's MySQL RDS
   * database (its two DB subnets in two zones, a security group for the application) is in the data
   * stack, attached to the backend: private, encrypted, TLS only, the password kept by RDS in Secrets
   * Manager instead of a Terraform variable.
   */
  seed002Ec2: configOf({
    name: 'shop',
    region: 'us-east-1',
    network: {
      cidr: '10.2.0.0/16',
      publicSubnetCidrs: ['10.2.0.0/24', '10.2.1.0/24'],
      privateSubnetCidrs: ['10.2.10.0/24', '10.2.11.0/24'],
    },
    cluster: {
      ec2Capacity: { instanceType: 't3.small', minSize: 1, maxSize: 6, targetCapacityPercent: 100 },
      capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2, base: 1, weight: 1 }],
      serviceConnect: true,
      executeCommand: true,
    },
    loadBalancer: { certificateArn: certificateIn('us-east-1'), sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
    services: [
      {
        name: 'backend',
        containerPort: 3000,
        reverseProxy: { port: 80 },
        healthCheckPath: '/',
        healthCheckSuccessCodes: '200,202,302',
        routing: { hostHeaders: ['backend.example.com'], priority: 1 },
      },
      {
        name: 'frontend',
        containerPort: 3000,
        reverseProxy: { port: 80 },
        healthCheckPath: '/',
        healthCheckSuccessCodes: '200,202,302',
        routing: { hostHeaders: ['frontend.example.com'], priority: 2 },
      },
    ],
    data: { databases: [{ name: 'shop', engine: DatabaseEngine.MYSQL, attachTo: ['backend'] }] },
  }),

  /**
   * 002 "ECS Dynamic Infrastructure" (Fargate mode with the S3 frontend): the backend on a
   * Spot-heavy strategy (FARGATE_SPOT base 1 weight 100, FARGATE weight 1) with its nginx proxy,
   * no NAT gateway, and the frontend as a static site in a private S3 bucket behind CloudFront with
   * origin access control. Differs: private subnets with VPC endpoints instead of public task IPs.
   */
  seed002Fargate: configOf({
    name: 'shop',
    region: 'us-east-1',
    network: { cidr: '10.2.0.0/16', natGateways: NatGateways.NONE },
    cluster: {
      capacityProviderStrategy: [
        { capacityProvider: CapacityProvider.FARGATE_SPOT, base: 1, weight: 100 },
        { capacityProvider: CapacityProvider.FARGATE, weight: 1 },
      ],
    },
    services: [{ name: 'backend', containerPort: 3000, reverseProxy: {}, healthCheckPath: '/' }],
    staticSite: { priceClass: PriceClass.PRICE_CLASS_ALL },
  }),

  /**
   * 003 "ECS Basics": a Node app on port 3000 in private subnets of 2 zones (172.17.0.0/16, /24
   * subnets), a NAT gateway per zone, an HTTP ALB listening on port 3000, 1024 CPU / 2048 MiB, one
   * task, step scaling between 1 and 3 tasks on CloudWatch CPU alarms (out at 85%, in at 10%),
   * logs kept 30 days, health check "/" expecting 200.
   * Differs: the scale-in alarm needs 5 minutes below the threshold (the seed reacts after 2).
   */
  seed003: configOf({
    name: 'tutorial-site',
    region: 'eu-west-1',
    network: {
      cidr: '172.17.0.0/16',
      natGateways: NatGateways.PER_AZ,
      privateSubnetCidrs: ['172.17.0.0/24', '172.17.1.0/24'],
      publicSubnetCidrs: ['172.17.2.0/24', '172.17.3.0/24'],
    },
    cluster: { logRetentionDays: 30 },
    loadBalancer: { httpPort: 3000 },
    services: [{
      name: 'app',
      containerPort: 3000,
      cpu: 1024,
      memoryMiB: 2048,
      desiredCount: 1,
      minCapacity: 1,
      maxCapacity: 3,
      healthCheckPath: '/',
      healthCheckSuccessCodes: '200',
      autoscalingMode: AutoscalingMode.STEP,
      stepScaling: { scaleOutCpuThreshold: 85, scaleInCpuThreshold: 10 },
    }],
  }),

  /**
   * 004 "Create infrastructure to host an Amazon ECS Service": private subnets without NAT in a
   * /25 VPC with /27 subnets, VPC endpoints for ECR (api, dkr), CloudWatch Logs and Secrets Manager
   * plus the S3 gateway, a customer-managed KMS key for logs, ECR and ECS Exec, an immutable, scanned
   * ECR repository, ECS Exec logging, a Service Connect namespace, an ALB with deletion protection
   * and dropped invalid headers listening on 8080, a target group on 8080 checking /healthcheck,
   * two tasks of 1024 CPU / 3072 MiB with a read-only root file system, a container health check
   * (start period 10 s), a secret from Secrets Manager with kms:Decrypt, logs kept 365 days.
   * Differs: tasks get their own security group admitting only the ALB (the seed shares the ALB's).
   */
  seed004: configOf({
    name: 'app-4',
    region: 'us-east-2',
    environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION, account: CONFIGURED_ACCOUNT_ID }],
    network: {
      cidr: '11.90.30.0/25',
      publicSubnetCidrs: ['11.90.30.0/27', '11.90.30.32/27'],
      privateSubnetCidrs: ['11.90.30.64/27', '11.90.30.96/27'],
      natGateways: NatGateways.NONE,
    },
    cluster: { logRetentionDays: 365, executeCommand: true, serviceConnect: true },
    // The seed's design serves plain HTTP on 8080.
    loadBalancer: { httpPort: 8080, allowPlainHttp: 'the seed serves plain HTTP behind its own TLS termination' },
    services: [{
      name: 'first',
      containerPort: 8080,
      cpu: 1024,
      memoryMiB: 3072,
      desiredCount: 2,
      healthCheckPath: '/healthcheck',
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/healthcheck || exit 1'], startPeriodSeconds: 10 },
      secrets: { APP_SECRET: secretIn('us-east-2', 'app-4/secret') },
    }],
  }),

  /** The production preset with a certificate: the defaults a production environment gets. */
  production: configOf({
    name: 'orders',
    environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }],
    loadBalancer: { certificateArn: certificateIn('us-east-1') },
  }),
} satisfies Record<string, PlatformConfig>;

/** Name of a seed configuration. */
export type SeedName = keyof typeof SEEDS;

/** Configurations exercising the options no seed uses, planned offline like the seeds. */
export const FEATURE_CONFIGS = {
  /**
   * Every kind of data resource in a production environment without NAT: Aurora Serverless v2
   * PostgreSQL with IAM authentication, a Valkey cache, a read-only bucket and a table, attached to
   * two services.
   */
  dataResources: configOf({
    name: 'orders',
    environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION, natGateways: NatGateways.NONE }],
    services: [{ name: 'api' }, { name: 'reports', containerPort: 9000 }],
    data: {
      databases: [{ name: 'main', kind: DatabaseKind.AURORA_SERVERLESS, iamAuthentication: true, attachTo: ['api', 'reports'] }],
      caches: [{ name: 'sessions', engine: CacheEngine.VALKEY, maxDataStorageGiB: 5, attachTo: ['api'] }],
      buckets: [{ name: 'uploads', access: DataAccess.READ, attachTo: ['reports'] }],
      tables: [{
        name: 'orders',
        partitionKey: { name: 'pk' },
        sortKey: { name: 'createdAt', type: TableAttributeType.NUMBER },
        timeToLiveAttribute: 'expiresAt',
        attachTo: ['api'],
      }],
    },
  }),
  /** An existing VPC and cluster; the stacks reference them and create the rest. */
  existingInfrastructure: configOf({
    name: 'orders',
    network: {
      existingVpc: {
        vpcId: 'vpc-0123456789abcdef0',
        publicSubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
        privateSubnetIds: ['subnet-0123456789abcdef2', 'subnet-0123456789abcdef3'],
      },
    },
    cluster: { existingClusterName: 'shared-cluster' },
  }),

  /**
   * Sidecars, SSM secrets by name and ARN, a command, request-count tracking, SNI certificates,
   * HTTPS without the redirect (rules on both listeners), a path-and-host rule, ARM64 on Fargate in
   * a Spot-first environment, and a static site with a custom domain.
   */
  serviceFeatures: configOf({
    name: 'orders',
    loadBalancer: {
      certificateArn: certificateIn('us-east-1'),
      additionalCertificateArns: [certificateIn('us-east-1').replace('0f1e2d3c', '1f1e2d3c')],
      redirectHttpToHttps: false,
    },
    services: [
      {
        name: 'web',
        command: ['node', 'server.js'],
        targetRequestsPerTask: 500,
        secrets: {
          DB_PASSWORD: '/orders/db-password',
          API_TOKEN: `arn:aws:ssm:us-east-1:${CONFIGURED_ACCOUNT_ID}:parameter/orders/api-token`,
        },
        sidecars: [{ name: 'otel', image: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0', containerPort: 4317, memoryMiB: 128 }],
      },
      {
        name: 'admin',
        // The image of app/ is built once for one architecture; a multi-arch image can run on ARM64.
        image: 'public.ecr.aws/nginx/nginx:1.27',
        cpuArchitecture: CpuArchitecture.ARM64,
        routing: { hostHeaders: ['admin.example.com'], pathPatterns: ['/admin/*'] },
      },
    ],
    staticSite: { domainNames: ['www.example.com'], certificateArn: certificateIn('us-east-1'), singlePageApp: true },
  }),

  /** Blue/green through CodeDeploy for a service behind its nginx proxy. */
  blueGreenProxy: configOf({
    name: 'orders',
    deployment: { strategy: DeploymentStrategy.BLUE_GREEN },
    services: [{ name: 'web', reverseProxy: {} }],
  }),
} satisfies Record<string, PlatformConfig>;

/** Name of a feature configuration. */
export type FeatureConfigName = keyof typeof FEATURE_CONFIGS;
