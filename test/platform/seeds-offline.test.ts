import { mkdtempSync, rmSync } from 'fs';
import { availableParallelism, tmpdir } from 'os';
import { join } from 'path';
import { concurrencyLimit } from './support/limit';
import { FEATURE_CONFIGS, SEEDS } from './support/seeds';
import { OfflineTerraform, PlanJson, ResourceChange, synthPlatform, ValidateResult, writeUpstreamStates } from '../../src/platform/testing';

// Every seed-equivalent configuration, the production preset and the feature configurations, validated and planned offline by
// the real Terraform CLI and hashicorp/aws provider. Without them these tests fail; they never skip.

interface StackCheck {
  readonly validation: ValidateResult;
  readonly plan: PlanJson;
}

const root = mkdtempSync(join(tmpdir(), 'platform-seeds-'));
const limit = concurrencyLimit(Math.max(1, Math.min(4, availableParallelism())));
const checks = new Map<string, Promise<StackCheck>>();
const CONFIGS = { ...SEEDS, ...FEATURE_CONFIGS };
type ConfigName = keyof typeof CONFIGS;
const seedNames = Object.keys(CONFIGS) as ConfigName[];
const stackNames = new Map<ConfigName, string[]>();

beforeAll(async () => {
  for (const seed of seedNames) {
    const config = CONFIGS[seed];
    const stacks = synthPlatform(config, join(root, seed));
    stackNames.set(seed, stacks.map((stack) => stack.name));
    for (const stack of stacks) {
      checks.set(`${seed}/${stack.name}`, limit(async () => {
        writeUpstreamStates(stack, stacks, config);
        const terraform = new OfflineTerraform(stack.dir);
        await terraform.initAsync();
        return terraform.validateAndPlanAsync();
      }));
    }
  }
  await Promise.allSettled(checks.values());
}, 30 * 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function planOf(seed: ConfigName, role: 'network' | 'cluster' | 'data' | 'service'): Promise<PlanJson> {
  const stack = stackNames.get(seed)!.find((name) => name.endsWith(`-${role}`))!;
  return (await checks.get(`${seed}/${stack}`)!).plan;
}

function created(plan: PlanJson, type: string): Array<Record<string, any>> {
  return (plan.resource_changes ?? [])
    .filter((change: ResourceChange) => change.type === type && change.mode === 'managed' && change.change.actions.includes('create'))
    .map((change) => change.change.after ?? {});
}

describe.each(seedNames)('%s', (seed) => {
  test('every stack passes terraform validate and plans offline, only creating resources', async () => {
    const names = stackNames.get(seed)!;
    // The data stack exists where there are data resources.
    expect(names).toHaveLength(CONFIGS[seed].environments[0].data ? 4 : 3);
    for (const name of names) {
      const { validation, plan } = await checks.get(`${seed}/${name}`)!;
      expect(validation).toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
      const actions = new Set((plan.resource_changes ?? []).filter((change) => change.mode === 'managed').flatMap((change) => change.change.actions));
      expect([...actions].filter((action) => action !== 'create')).toEqual([]);
    }
  });
});

describe('planned values', () => {
  test('seed 000: three NAT gateways and the HTTPS listener with the TLS 1.3 policy', async () => {
    expect(created(await planOf('seed000', 'network'), 'aws_nat_gateway')).toHaveLength(3);
    const https = created(await planOf('seed000', 'service'), 'aws_lb_listener').find((listener) => listener.protocol === 'HTTPS')!;
    expect(https.ssl_policy).toBe('ELBSecurityPolicy-TLS13-1-2-Res-2021-06');
  });

  test('seed 001: the launch template resolves the ECS-optimized AMI at launch and requires IMDSv2', async () => {
    const [template] = created(await planOf('seed001', 'cluster'), 'aws_launch_template');
    expect(template.image_id).toBe('resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id');
    expect(template.metadata_options).toEqual([expect.objectContaining({ http_tokens: 'required' })]);
    const [group] = created(await planOf('seed001', 'cluster'), 'aws_autoscaling_group');
    expect([group.min_size, group.max_size]).toEqual([1, 2]);
  });

  test('seed 002 (EC2): host-header rules at priorities 1 and 2, targets on port 80', async () => {
    const plan = await planOf('seed002Ec2', 'service');
    const rules = created(plan, 'aws_lb_listener_rule').map((rule) => [rule.priority, rule.condition[0].host_header[0].values]);
    expect(rules.sort()).toEqual([[1, ['backend.example.com']], [2, ['frontend.example.com']]]);
    expect(created(plan, 'aws_lb_target_group').map((group) => group.port)).toEqual([80, 80]);
  });

  test('seed 002 (EC2): the MySQL database is private, encrypted and TLS only, and the backend reads its host and secret', async () => {
    const data = await planOf('seed002Ec2', 'data');
    const [database] = created(data, 'aws_db_instance');
    expect(database).toEqual(expect.objectContaining({
      engine: 'mysql', identifier: 'shop-dev-shop', publicly_accessible: false, storage_encrypted: true, manage_master_user_password: true, port: 3306,
    }));
    expect(created(data, 'aws_db_parameter_group')[0].parameter).toEqual([expect.objectContaining({ name: 'require_secure_transport', value: '1' })]);
    const backend = created(await planOf('seed002Ec2', 'service'), 'aws_ecs_task_definition').find((task) => task.family === 'shop-dev-backend')!;
    const [container] = JSON.parse(backend.container_definitions).filter((c: { name: string }) => c.name === 'backend');
    expect(container.environment).toEqual(expect.arrayContaining([{ name: 'SHOP_HOST', value: expect.stringMatching(/^shop\..*\.rds\.amazonaws\.com$/) }]));
    const username = container.secrets.find((secret: { name: string }) => secret.name === 'SHOP_USERNAME');
    expect(username.valueFrom).toMatch(/^arn:aws:secretsmanager:us-east-1:\d{12}:secret:rds!db-.*:username::$/);
  });

  test('data resources: Aurora Serverless v2, a Valkey cache and a table plan, with the DynamoDB gateway endpoint without NAT', async () => {
    const data = await planOf('dataResources', 'data');
    expect(created(data, 'aws_rds_cluster')[0].serverlessv2_scaling_configuration).toEqual([expect.objectContaining({ min_capacity: 0.5, max_capacity: 16 })]);
    expect(created(data, 'aws_rds_cluster_instance')).toHaveLength(2);
    expect(created(data, 'aws_elasticache_serverless_cache')[0].engine).toBe('valkey');
    expect(created(data, 'aws_dynamodb_table')[0].point_in_time_recovery).toEqual([expect.objectContaining({ enabled: true })]);
    expect(created(await planOf('dataResources', 'network'), 'aws_vpc_endpoint').map((endpoint) => endpoint.service_name)).toContain('com.amazonaws.us-east-1.dynamodb');
  });

  test('seed 002 (Fargate): a CloudFront distribution with origin access control in front of the bucket', async () => {
    const plan = await planOf('seed002Fargate', 'service');
    const [distribution] = created(plan, 'aws_cloudfront_distribution');
    expect(distribution.default_cache_behavior[0].viewer_protocol_policy).toBe('redirect-to-https');
    expect(created(plan, 'aws_cloudfront_origin_access_control')).toHaveLength(1);
    expect(created(await planOf('seed002Fargate', 'network'), 'aws_nat_gateway')).toEqual([]);
  });

  test('seed 003: the CPU alarms at 85% and 10% and the listener on port 3000', async () => {
    const plan = await planOf('seed003', 'service');
    // The step scaling alarms (`<service>-cpu-high` and `-low`), not the monitoring alarms.
    const stepAlarms = created(plan, 'aws_cloudwatch_metric_alarm').filter((alarm) => /-cpu-(high|low)$/.test(alarm.alarm_name));
    expect(stepAlarms.map((alarm) => alarm.threshold).sort((a, b) => a - b)).toEqual([10, 85]);
    expect(created(plan, 'aws_lb_listener').map((listener) => listener.port)).toEqual([3000]);
  });

  test('seed 004: seven VPC endpoints and no NAT gateway', async () => {
    const plan = await planOf('seed004', 'network');
    expect(created(plan, 'aws_vpc_endpoint')).toHaveLength(7);
    expect(created(plan, 'aws_nat_gateway')).toEqual([]);
  });

  test('production: deletion protection and access logs on the load balancer, into the TLS-only bucket', async () => {
    const plan = await planOf('production', 'service');
    const [lb] = created(plan, 'aws_lb');
    expect(lb.enable_deletion_protection).toBe(true);
    expect(lb.access_logs).toEqual([expect.objectContaining({ enabled: true })]);
    expect(created(plan, 'aws_s3_bucket_policy')).toHaveLength(1);
    expect(created(plan, 'aws_s3_bucket')[0].bucket_prefix).toBe('orders-prod-alb-logs-');
  });

  test('an existing VPC and cluster are referenced: the network stack creates nothing, the services run in the given cluster', async () => {
    expect((await planOf('existingInfrastructure', 'network')).resource_changes ?? []).toEqual([]);
    expect(created(await planOf('existingInfrastructure', 'cluster'), 'aws_ecs_cluster')).toEqual([]);
    const [service] = created(await planOf('existingInfrastructure', 'service'), 'aws_ecs_service');
    expect(service.cluster).toMatch(/:cluster\/shared-cluster$/);
    expect(service.network_configuration[0].subnets).toEqual(['subnet-0123456789abcdef2', 'subnet-0123456789abcdef3']);
  });

  test('service features: request-count tracking, SNI certificate, rules on both listeners, the sidecar', async () => {
    const plan = await planOf('serviceFeatures', 'service');
    const metrics = created(plan, 'aws_appautoscaling_policy')
      .map((policy) => policy.target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0].predefined_metric_type);
    expect(metrics).toContain('ALBRequestCountPerTarget');
    expect(created(plan, 'aws_lb_listener_certificate')).toHaveLength(1);
    // The admin rule (host and path) on both forwarding listeners; the first service takes the default route.
    expect(created(plan, 'aws_lb_listener_rule').map((rule) => rule.condition.length)).toEqual([2, 2]);
    const web = created(plan, 'aws_ecs_task_definition').find((task) => task.family === 'orders-dev-web')!;
    expect(JSON.parse(web.container_definitions).map((c: { name: string }) => c.name).sort()).toEqual(['otel', 'web']);
  });

  test('blue/green behind a reverse proxy: the green target group and the deployment group target the proxy port', async () => {
    const plan = await planOf('blueGreenProxy', 'service');
    expect(created(plan, 'aws_lb_target_group').map((group) => group.port)).toEqual([80, 80]);
    const [group] = created(plan, 'aws_codedeploy_deployment_group');
    expect(group.deployment_style).toEqual([{ deployment_option: 'WITH_TRAFFIC_CONTROL', deployment_type: 'BLUE_GREEN' }]);
    const [service] = created(plan, 'aws_ecs_service');
    expect(service.deployment_controller).toEqual([{ type: 'CODE_DEPLOY' }]);
    expect(service.load_balancer).toEqual([expect.objectContaining({ container_name: 'reverse-proxy', container_port: 80 })]);
  });
});
