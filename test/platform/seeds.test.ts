import { certificateIn, secretIn, SEEDS } from './support/seeds';
import { bodiesOf, instancesOf, onlyResource, parseJson, parsePolicy, refTo, ResourceBody, statementWithSid, synthEnvironment, SynthesizedJson } from './support/synth';

// Each seed's architecture, rebuilt from options (test/platform/support/seeds.ts says how and where
// it knowingly differs), asserted on the synthesized Terraform: the resources and settings the seed
// relies on. The offline plan of the same configurations is in seeds-offline.test.ts.

const containersOf = (taskDefinition: ResourceBody) => parseJson<Array<Record<string, any>>>(taskDefinition.container_definitions);
const byName = (bodies: ResourceBody[], name: string) => bodies.find((body) => body.name === name)!;
/** Per-zone network resources have `count`: their instances, as Terraform creates them. */
const instanceBodies = (stack: SynthesizedJson, type: string) => instancesOf(stack, type).map((instance) => instance.body);

describe('seed 000: Fargate in three zones behind an HTTPS load balancer', () => {
  const { network, service } = synthEnvironment(SEEDS.seed000);

  test('public and private subnets in three zones with the seed\'s /20 blocks', () => {
    const subnets = (tier: string) => instanceBodies(network, 'aws_subnet')
      .filter((subnet) => subnet.tags.Name.includes(`-${tier}-`))
      .map((subnet) => [subnet.availability_zone, subnet.cidr_block]);
    expect(subnets('public')).toEqual([['eu-central-1a', '10.0.16.0/20'], ['eu-central-1b', '10.0.48.0/20'], ['eu-central-1c', '10.0.80.0/20']]);
    expect(subnets('private')).toEqual([['eu-central-1a', '10.0.0.0/20'], ['eu-central-1b', '10.0.32.0/20'], ['eu-central-1c', '10.0.64.0/20']]);
  });

  test('a NAT gateway with its own address in every zone, each private route table using its own', () => {
    const nats = instanceBodies(network, 'aws_nat_gateway');
    expect(nats).toHaveLength(3);
    expect(instanceBodies(network, 'aws_eip')).toHaveLength(3);
    const natRoutes = instanceBodies(network, 'aws_route').filter((route) => route.nat_gateway_id !== undefined).map((route) => route.nat_gateway_id);
    expect(new Set(natRoutes).size).toBe(3);
  });

  test('HTTP answers with a 301 to HTTPS, which serves the certificate', () => {
    const listeners = bodiesOf(service, 'aws_lb_listener');
    expect(listeners.find((l) => l.port === 80)!.default_action[0].redirect).toEqual({ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' });
    expect(listeners.find((l) => l.port === 443)).toEqual(expect.objectContaining({ protocol: 'HTTPS', certificate_arn: certificateIn('eu-central-1') }));
  });

  test('an IP target group on port 8000 checking /health', () => {
    const targetGroup = onlyResource(service, 'aws_lb_target_group');
    expect([targetGroup.target_type, targetGroup.port, targetGroup.health_check.path]).toEqual(['ip', 8000, '/health']);
  });

  test('two Fargate tasks of 256 CPU / 512 MiB in private subnets, scaling 1 to 4 on CPU 60 and memory 80', () => {
    const ecsService = onlyResource(service, 'aws_ecs_service');
    const taskDefinition = onlyResource(service, 'aws_ecs_task_definition');
    expect([ecsService.desired_count, ecsService.capacity_provider_strategy, ecsService.network_configuration.assign_public_ip])
      .toEqual([2, [{ capacity_provider: 'FARGATE', base: 0, weight: 1 }], false]);
    expect([taskDefinition.cpu, taskDefinition.memory, taskDefinition.requires_compatibilities]).toEqual(['256', '512', ['FARGATE']]);
    const target = onlyResource(service, 'aws_appautoscaling_target');
    expect([target.min_capacity, target.max_capacity]).toEqual([1, 4]);
    const targets = bodiesOf(service, 'aws_appautoscaling_policy').map((policy) => policy.target_tracking_scaling_policy_configuration.target_value);
    expect(targets).toEqual([60, 80]);
  });

  test('the secret reaches the container and only the execution role may read it', () => {
    const [container] = containersOf(onlyResource(service, 'aws_ecs_task_definition'));
    expect(container.secrets).toEqual([{ name: 'APP_SECRET', valueFrom: secretIn('eu-central-1', 'webapp/app-secret') }]);
    expect(container.environment).toEqual([{ name: 'HEALTH_CHECK_PATH', value: '/health' }, { name: 'LOG_LEVEL', value: 'DEBUG' }, { name: 'PORT', value: '8000' }]);
    const policy = byName(bodiesOf(service, 'aws_iam_role_policy'), 'start-task');
    expect(statementWithSid(policy.policy, 'ReadSecrets').Resource).toEqual([secretIn('eu-central-1', 'webapp/app-secret')]);
  });
});

describe('seed 001: a public image on Fargate and on EC2 side by side', () => {
  const { network, cluster, service } = synthEnvironment(SEEDS.seed001);
  const services = bodiesOf(service, 'aws_ecs_service');
  const taskDefinitions = bodiesOf(service, 'aws_ecs_task_definition');

  test('three zones share a single NAT gateway', () => {
    expect(instanceBodies(network, 'aws_subnet')).toHaveLength(6);
    expect(instanceBodies(network, 'aws_nat_gateway')).toHaveLength(1);
  });

  test('an Auto Scaling group of ECS-optimized t2.small instances (1 to 2) is a capacity provider', () => {
    const template = onlyResource(cluster, 'aws_launch_template');
    expect(template.image_id).toBe('resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id');
    expect(template.instance_type).toBe('t2.small');
    expect(template.metadata_options).toEqual(expect.objectContaining({ http_tokens: 'required' }));
    const group = onlyResource(cluster, 'aws_autoscaling_group');
    expect([group.min_size, group.max_size, group.force_delete]).toEqual([1, 2, true]);
    const provider = onlyResource(cluster, 'aws_ecs_capacity_provider');
    expect(provider.auto_scaling_group_provider).toEqual(expect.objectContaining({
      managed_termination_protection: 'DISABLED',
      managed_draining: 'ENABLED',
    }));
    expect(onlyResource(cluster, 'aws_ecs_cluster_capacity_providers').capacity_providers).toContain(refTo(cluster, 'aws_ecs_capacity_provider', provider, 'name'));
  });

  test('the EC2 copy runs awsvpc tasks on the EC2 capacity provider, the other on Fargate', () => {
    const ec2 = byName(services, 'blog-ec2');
    expect(ec2.capacity_provider_strategy).toEqual([{ capacity_provider: '${data.terraform_remote_state.cluster.outputs.ec2_capacity_provider_name}', base: 0, weight: 1 }]);
    expect(byName(services, 'blog-fg').capacity_provider_strategy).toEqual([{ capacity_provider: 'FARGATE', base: 0, weight: 1 }]);
    const ec2Task = taskDefinitions.find((task) => task.family === 'blog-dev-blog-ec2')!;
    expect([ec2Task.requires_compatibilities, ec2Task.network_mode]).toEqual([['EC2'], 'awsvpc']);
  });

  test('both run the Docker Hub image on port 80 behind a plain HTTP listener', () => {
    expect(taskDefinitions.map((task) => containersOf(task)[0].image)).toEqual(['npalm/040code.github.io:latest', 'npalm/040code.github.io:latest']);
    expect(bodiesOf(cluster, 'aws_ecr_repository')).toEqual([]);
    expect(onlyResource(service, 'aws_lb_listener')).toEqual(expect.objectContaining({ port: 80, protocol: 'HTTP' }));
  });
});

describe('seed 002 (EC2 mode): two tiers with nginx proxies on one load balancer, routed by host', () => {
  const { cluster, service } = synthEnvironment(SEEDS.seed002Ec2);
  const rules = bodiesOf(service, 'aws_lb_listener_rule');

  test('host-header rules: backend at priority 1, frontend at priority 2', () => {
    expect(rules.map((rule) => [rule.priority, rule.condition])).toEqual([
      [1, [{ host_header: { values: ['backend.example.com'] } }]],
      [2, [{ host_header: { values: ['frontend.example.com'] } }]],
    ]);
  });

  test('the load balancer targets nginx on port 80, which proxies to the application on localhost', () => {
    const ecsService = bodiesOf(service, 'aws_ecs_service')[0];
    expect(ecsService.load_balancer[0]).toEqual(expect.objectContaining({ container_name: 'reverse-proxy', container_port: 80 }));
    const [app, proxy] = containersOf(bodiesOf(service, 'aws_ecs_task_definition')[0]);
    expect(proxy.dependsOn).toEqual([{ containerName: app.name, condition: 'START' }]);
    expect(proxy.environment[0].value).toContain('proxy_pass http://127.0.0.1:3000;');
    expect(bodiesOf(service, 'aws_lb_target_group').map((group) => [group.port, group.health_check.path, group.health_check.matcher]))
      .toEqual([[80, '/', '200,202,302'], [80, '/', '200,202,302']]);
  });

  test('the tiers find each other through Service Connect, and may connect on their ports only', () => {
    expect(onlyResource(cluster, 'aws_service_discovery_http_namespace').name).toBe('shop-dev');
    const backend = bodiesOf(service, 'aws_ecs_service').find((s) => s.name === 'backend')!;
    expect(backend.service_connect_configuration).toEqual(expect.objectContaining({
      enabled: true,
      service: [{ port_name: 'backend', discovery_name: 'backend', client_alias: { port: 3000, dns_name: 'backend' } }],
    }));
    const peers = bodiesOf(service, 'aws_security_group').find((group) => group.name === 'shop-dev-services')!;
    const fromPeers = bodiesOf(service, 'aws_vpc_security_group_ingress_rule')
      .filter((rule) => rule.referenced_security_group_id === refTo(service, 'aws_security_group', peers, 'id'));
    expect(fromPeers.map((rule) => rule.from_port)).toEqual([3000, 3000]);
  });

  test('tasks are packed on EC2 capacity by memory, spread over zones', () => {
    const ecsService = bodiesOf(service, 'aws_ecs_service')[0];
    expect(ecsService.ordered_placement_strategy).toEqual([
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
      { type: 'binpack', field: 'memory' },
    ]);
    const group = onlyResource(cluster, 'aws_autoscaling_group');
    expect([group.min_size, group.max_size]).toEqual([1, 6]);
  });

  test('ECS Exec sessions are logged to a KMS-encrypted log group, with Container Insights on', () => {
    const ecsCluster = onlyResource(cluster, 'aws_ecs_cluster');
    expect(ecsCluster.setting).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
    expect(ecsCluster.configuration.execute_command_configuration).toEqual(expect.objectContaining({
      logging: 'OVERRIDE',
      log_configuration: expect.objectContaining({ cloud_watch_encryption_enabled: true }),
    }));
  });

  test('HTTPS uses the TLS 1.3 policy of the seed', () => {
    expect(bodiesOf(service, 'aws_lb_listener').find((l) => l.protocol === 'HTTPS')!.ssl_policy).toBe('ELBSecurityPolicy-TLS13-1-2-2021-06');
  });
});

describe('seed 002 (Fargate mode): Spot-heavy backend and a CloudFront static frontend, without NAT', () => {
  const { network, service } = synthEnvironment(SEEDS.seed002Fargate);

  test('the backend runs on FARGATE_SPOT base 1 weight 100, FARGATE weight 1', () => {
    expect(onlyResource(service, 'aws_ecs_service').capacity_provider_strategy).toEqual([
      { capacity_provider: 'FARGATE_SPOT', base: 1, weight: 100 },
      { capacity_provider: 'FARGATE', base: 0, weight: 1 },
    ]);
  });

  test('no NAT gateway: the private subnets reach ECR, S3 and logs through VPC endpoints', () => {
    expect(instanceBodies(network, 'aws_nat_gateway')).toEqual([]);
    const endpoints = bodiesOf(network, 'aws_vpc_endpoint').map((e) => [e.service_name, e.vpc_endpoint_type]);
    expect(endpoints).toEqual(expect.arrayContaining([
      ['com.amazonaws.us-east-1.ecr.api', 'Interface'],
      ['com.amazonaws.us-east-1.ecr.dkr', 'Interface'],
      ['com.amazonaws.us-east-1.logs', 'Interface'],
      ['com.amazonaws.us-east-1.s3', 'Gateway'],
    ]));
  });

  test('the static site bucket is private and readable only by its CloudFront distribution through OAC', () => {
    const access = onlyResource(service, 'aws_cloudfront_origin_access_control');
    expect([access.origin_access_control_origin_type, access.signing_behavior, access.signing_protocol]).toEqual(['s3', 'always', 'sigv4']);
    const distribution = onlyResource(service, 'aws_cloudfront_distribution');
    expect(distribution.origin[0].origin_access_control_id).toBe(refTo(service, 'aws_cloudfront_origin_access_control', access, 'id'));
    expect(distribution.default_cache_behavior.viewer_protocol_policy).toBe('redirect-to-https');
    expect(distribution.price_class).toBe('PriceClass_All');
    const blocks = bodiesOf(service, 'aws_s3_bucket_public_access_block');
    expect(blocks.every((b) => b.block_public_acls && b.block_public_policy && b.ignore_public_acls && b.restrict_public_buckets)).toBe(true);
    const policy = bodiesOf(service, 'aws_s3_bucket_policy').map((p) => parsePolicy(p.policy)).find((p) => p.Statement.some((s) => s.Sid === 'CloudFrontReadsSite'))!;
    expect(policy.Statement.find((s) => s.Sid === 'CloudFrontReadsSite')!.Condition).toEqual({
      StringEquals: { 'AWS:SourceArn': refTo(service, 'aws_cloudfront_distribution', distribution, 'arn') },
    });
  });
});

describe('seed 003: step scaling on CPU alarms, a listener on the application port', () => {
  const { network, service } = synthEnvironment(SEEDS.seed003);

  test('a NAT gateway per zone and the seed\'s 172.17.0.0/16 subnets', () => {
    expect(instanceBodies(network, 'aws_nat_gateway')).toHaveLength(2);
    expect(onlyResource(network, 'aws_vpc').cidr_block).toBe('172.17.0.0/16');
    expect(instanceBodies(network, 'aws_subnet').map((s) => s.cidr_block).sort()).toEqual(['172.17.0.0/24', '172.17.1.0/24', '172.17.2.0/24', '172.17.3.0/24']);
  });

  test('the load balancer listens with plain HTTP on port 3000, open to the allowed range on that port only', () => {
    expect(onlyResource(service, 'aws_lb_listener')).toEqual(expect.objectContaining({ port: 3000, protocol: 'HTTP' }));
    const open = bodiesOf(service, 'aws_vpc_security_group_ingress_rule').filter((rule) => rule.cidr_ipv4 === '0.0.0.0/0');
    expect(open.map((rule) => [rule.from_port, rule.to_port])).toEqual([[3000, 3000]]);
  });

  test('one task of 1024 CPU / 2048 MiB, scaling 1 to 3 by steps of one on CPU alarms at 85% and 10%', () => {
    const taskDefinition = onlyResource(service, 'aws_ecs_task_definition');
    expect([taskDefinition.cpu, taskDefinition.memory]).toEqual(['1024', '2048']);
    const target = onlyResource(service, 'aws_appautoscaling_target');
    expect([target.min_capacity, target.max_capacity]).toEqual([1, 3]);
    const policies = bodiesOf(service, 'aws_appautoscaling_policy');
    const adjustment = (policy: ResourceBody) => policy.step_scaling_policy_configuration.step_adjustment[0].scaling_adjustment;
    const scaleOut = policies.find((p) => adjustment(p) === 1)!;
    const scaleIn = policies.find((p) => adjustment(p) === -1)!;
    expect([scaleOut.policy_type, scaleIn.policy_type]).toEqual(['StepScaling', 'StepScaling']);
    const alarms = bodiesOf(service, 'aws_cloudwatch_metric_alarm').filter((alarm) => alarm.alarm_actions?.some((action: string) => action.includes('aws_appautoscaling_policy')));
    const high = alarms.find((a) => a.comparison_operator === 'GreaterThanOrEqualToThreshold')!;
    const low = alarms.find((a) => a.comparison_operator === 'LessThanOrEqualToThreshold')!;
    expect([high.namespace, high.metric_name, high.threshold, low.threshold]).toEqual(['AWS/ECS', 'CPUUtilization', 85, 10]);
    expect(high.alarm_actions).toEqual([refTo(service, 'aws_appautoscaling_policy', scaleOut, 'arn')]);
    expect(low.alarm_actions).toEqual([refTo(service, 'aws_appautoscaling_policy', scaleIn, 'arn')]);
  });
});

describe('seed 004: private subnets without NAT, VPC endpoints, KMS everywhere', () => {
  const { network, cluster, service } = synthEnvironment(SEEDS.seed004);

  test('a /25 VPC with /27 subnets and no NAT gateway', () => {
    expect(onlyResource(network, 'aws_vpc').cidr_block).toBe('11.90.30.0/25');
    expect(instanceBodies(network, 'aws_subnet').map((s) => s.cidr_block).sort()).toEqual(['11.90.30.0/27', '11.90.30.32/27', '11.90.30.64/27', '11.90.30.96/27']);
    expect(instanceBodies(network, 'aws_nat_gateway')).toEqual([]);
  });

  test('interface endpoints for ECR, logs and Secrets Manager (HTTPS from the VPC) and the S3 gateway', () => {
    const endpoints = bodiesOf(network, 'aws_vpc_endpoint');
    expect(endpoints.map((e) => e.service_name).sort()).toEqual([
      'com.amazonaws.us-east-2.ecr.api', 'com.amazonaws.us-east-2.ecr.dkr', 'com.amazonaws.us-east-2.kms',
      'com.amazonaws.us-east-2.logs', 'com.amazonaws.us-east-2.s3', 'com.amazonaws.us-east-2.secretsmanager', 'com.amazonaws.us-east-2.ssmmessages',
    ]);
    expect(endpoints.filter((e) => e.vpc_endpoint_type === 'Interface').every((e) => e.private_dns_enabled === true)).toBe(true);
    const ingress = bodiesOf(network, 'aws_vpc_security_group_ingress_rule');
    expect(ingress.map((rule) => [rule.from_port, rule.cidr_ipv4])).toEqual([[443, '11.90.30.0/25']]);
  });

  test('one KMS key with rotation encrypts the logs, the repository and ECS Exec sessions', () => {
    // The alarm topic has a key of its own.
    const key = bodiesOf(cluster, 'aws_kms_key').find((candidate) => String(candidate.description).startsWith('Encrypts the logs'))!;
    const keyArn = refTo(cluster, 'aws_kms_key', key, 'arn');
    expect(key.enable_key_rotation).toBe(true);
    expect(onlyResource(cluster, 'aws_ecr_repository')).toEqual(expect.objectContaining({
      image_tag_mutability: 'IMMUTABLE',
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: 'KMS', kms_key: keyArn }],
    }));
    expect(bodiesOf(cluster, 'aws_cloudwatch_log_group').map((group) => [group.kms_key_id, group.retention_in_days])).toEqual([[keyArn, 365], [keyArn, 365]]);
    expect(onlyResource(cluster, 'aws_ecs_cluster').configuration.execute_command_configuration.kms_key_id).toBe(keyArn);
  });

  test('the load balancer keeps deletion protection, drops invalid headers and listens on 8080', () => {
    expect(onlyResource(service, 'aws_lb')).toEqual(expect.objectContaining({ enable_deletion_protection: true, drop_invalid_header_fields: true }));
    expect(onlyResource(service, 'aws_lb_listener').port).toBe(8080);
    const targetGroup = onlyResource(service, 'aws_lb_target_group');
    expect([targetGroup.port, targetGroup.health_check.path]).toEqual([8080, '/healthcheck']);
  });

  test('two read-only tasks of 1024 CPU / 3072 MiB with a container health check and a secret', () => {
    expect(onlyResource(service, 'aws_ecs_service').desired_count).toBe(2);
    const taskDefinition = onlyResource(service, 'aws_ecs_task_definition');
    expect([taskDefinition.cpu, taskDefinition.memory]).toEqual(['1024', '3072']);
    const [container] = containersOf(taskDefinition);
    expect(container.readonlyRootFilesystem).toBe(true);
    expect(container.healthCheck).toEqual(expect.objectContaining({ startPeriod: 10 }));
    expect(container.secrets).toEqual([{ name: 'APP_SECRET', valueFrom: secretIn('us-east-2', 'app-4/secret') }]);
    const policy = byName(bodiesOf(service, 'aws_iam_role_policy'), 'start-task');
    expect(statementWithSid(policy.policy, 'DecryptSecrets')).toEqual(expect.objectContaining({
      Action: 'kms:Decrypt',
      Resource: ['${data.terraform_remote_state.cluster.outputs.kms_key_arn}'],
    }));
  });

  test('the cluster has a Service Connect namespace', () => {
    expect(onlyResource(cluster, 'aws_ecs_cluster').service_connect_defaults).toEqual({
      namespace: refTo(cluster, 'aws_service_discovery_http_namespace', onlyResource(cluster, 'aws_service_discovery_http_namespace'), 'arn'),
    });
  });
});

describe('production preset defaults', () => {
  const { network, cluster, service } = synthEnvironment(SEEDS.production);

  test('a NAT gateway per zone', () => {
    expect(instanceBodies(network, 'aws_nat_gateway')).toHaveLength(2);
  });

  test('at least two tasks, on on-demand Fargate, scaling from two', () => {
    expect(onlyResource(service, 'aws_ecs_service').desired_count).toBe(2);
    expect(onlyResource(service, 'aws_appautoscaling_target').min_capacity).toBe(2);
    expect(onlyResource(cluster, 'aws_ecs_cluster_capacity_providers').default_capacity_provider_strategy).toEqual([
      { capacity_provider: 'FARGATE', base: 1, weight: 1 },
    ]);
  });

  test('deletion protection on the load balancer, ECS Exec off', () => {
    expect(onlyResource(service, 'aws_lb').enable_deletion_protection).toBe(true);
    expect(onlyResource(service, 'aws_ecs_service').enable_execute_command).toBe(false);
    expect(onlyResource(cluster, 'aws_ecs_cluster').configuration).toBeUndefined();
  });

  test('access logs go to a private bucket that only the region\'s log delivery account may write', () => {
    const lb = onlyResource(service, 'aws_lb');
    const bucket = onlyResource(service, 'aws_s3_bucket');
    expect(lb.access_logs).toEqual({ bucket: refTo(service, 'aws_s3_bucket', bucket, 'id'), enabled: true });
    const policy = onlyResource(service, 'aws_s3_bucket_policy');
    expect(statementWithSid(policy.policy, 'ElasticLoadBalancingWritesAccessLogs').Principal).toEqual({ AWS: 'arn:aws:iam::127311923021:root' });
    expect(statementWithSid(policy.policy, 'DenyInsecureTransport').Effect).toBe('Deny');
    expect(onlyResource(service, 'aws_s3_bucket_server_side_encryption_configuration').rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe('AES256');
  });
});
