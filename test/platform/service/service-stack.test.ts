import { CERTIFICATE_ARN, configOf, DEFAULT_CONFIG, MULTI_CONFIG, ORDERS_SERVICE_OPTIONS, VARIANTS } from '../support/configs';
import { bodiesOf, onlyResource, parseJson, parsePolicy, refTo, ResourceBody, statementWithSid, synthEnvironment } from '../support/synth';

const { service: stack } = synthEnvironment(DEFAULT_CONFIG);
const secure = synthEnvironment(VARIANTS.certificate).service;

const securityGroups = bodiesOf(stack, 'aws_security_group');
const albGroup = securityGroups.find((group) => group.name === 'orders-dev-alb')!;
const taskGroup = securityGroups.find((group) => group.name === 'orders-dev-orders-tasks')!;
const albGroupId = refTo(stack, 'aws_security_group', albGroup, 'id');
const taskGroupId = refTo(stack, 'aws_security_group', taskGroup, 'id');
const ingressOf = (groupId: string) => bodiesOf(stack, 'aws_vpc_security_group_ingress_rule').filter((rule) => rule.security_group_id === groupId);
const egressOf = (groupId: string) => bodiesOf(stack, 'aws_vpc_security_group_egress_rule').filter((rule) => rule.security_group_id === groupId);
const loadBalancer = onlyResource(stack, 'aws_lb');
const targetGroup = onlyResource(stack, 'aws_lb_target_group');
const taskDefinition = onlyResource(stack, 'aws_ecs_task_definition');
const [container] = parseJson(taskDefinition.container_definitions);
const ecsService = onlyResource(stack, 'aws_ecs_service');
const roles = bodiesOf(stack, 'aws_iam_role');
const executionRole = roles.find((role) => role.name === 'orders-dev-orders-execution')!;
const taskRole = roles.find((role) => role.name === 'orders-dev-orders-task')!;
const remote = (stackOutput: string) => `\${data.terraform_remote_state.${stackOutput}}`;

describe('access log bucket on destroy', () => {
  test('a development environment\'s bucket is deleted with its logs', () => {
    expect(bodiesOf(synthEnvironment(DEFAULT_CONFIG).service, 'aws_s3_bucket').map((body) => body.force_destroy)).toEqual([true]);
  });

  test('a production environment\'s bucket keeps its logs', () => {
    expect(bodiesOf(synthEnvironment(MULTI_CONFIG, 1).service, 'aws_s3_bucket').map((body) => body.force_destroy)).toEqual([undefined]);
  });
});

describe('service stack: inputs', () => {
  test('reads the network and cluster outputs from their local state files', () => {
    expect(stack.data?.terraform_remote_state).toEqual({
      network: { backend: 'local', config: { path: '../dev-network/terraform.dev-network.tfstate' } },
      cluster: { backend: 'local', config: { path: '../dev-cluster/terraform.dev-cluster.tfstate' } },
    });
  });

  test('declares image_tag as a required string variable', () => {
    expect(stack.variable?.image_tag).toEqual(expect.objectContaining({
      type: 'string',
      description: 'The tag of the service images in their ECR repositories, e.g. the commit SHA.',
    }));
    expect(stack.variable?.image_tag).not.toHaveProperty('default');
  });

  test('declares no image_tag when every service runs an external image', () => {
    expect(synthEnvironment(VARIANTS.externalImage).service.variable).not.toHaveProperty('image_tag');
  });
});

describe('service stack: security groups', () => {
  test('every security group and rule has a description', () => {
    const described = [
      ...securityGroups,
      ...bodiesOf(stack, 'aws_vpc_security_group_ingress_rule'),
      ...bodiesOf(stack, 'aws_vpc_security_group_egress_rule'),
    ];
    expect(described.filter((item) => !item.description)).toEqual([]);
  });

  test('the ALB admits HTTP on port 80 from each allowed CIDR, and nothing else, without a certificate', () => {
    expect(ingressOf(albGroupId).map((rule) => [rule.ip_protocol, rule.from_port, rule.to_port, rule.cidr_ipv4])).toEqual([['tcp', 80, 80, '0.0.0.0/0']]);
  });

  test('the ALB also admits HTTPS on port 443 when a certificate is set', () => {
    const rules = bodiesOf(secure, 'aws_vpc_security_group_ingress_rule').filter((rule) => rule.cidr_ipv4 !== undefined);
    expect(rules.map((rule) => rule.from_port).sort((a, b) => a - b)).toEqual([80, 443]);
  });

  test('the ALB may only send to the task security group on the container port', () => {
    expect(egressOf(albGroupId).map((rule) => [rule.ip_protocol, rule.from_port, rule.to_port, rule.referenced_security_group_id, rule.cidr_ipv4]))
      .toEqual([['tcp', 8080, 8080, taskGroupId, undefined]]);
  });

  test('the task SG only admits the ALB SG on the container port', () => {
    expect(ingressOf(taskGroupId).map((rule) => [rule.ip_protocol, rule.from_port, rule.to_port, rule.referenced_security_group_id, rule.cidr_ipv4]))
      .toEqual([['tcp', 8080, 8080, albGroupId, undefined]]);
  });

  test('tasks may only open HTTPS connections, through the NAT gateway', () => {
    const egress = egressOf(taskGroupId);
    expect(egress.map((rule) => [rule.ip_protocol, rule.from_port, rule.to_port, rule.cidr_ipv4])).toEqual([['tcp', 443, 443, '0.0.0.0/0']]);
    expect(egress[0].description).toMatch(/NAT gateway or VPC endpoints/);
  });
});

describe('service stack: load balancer', () => {
  test('the ALB is internet-facing, in the public subnets, behind its security group', () => {
    expect(loadBalancer).toEqual(expect.objectContaining({
      name: 'orders-dev',
      load_balancer_type: 'application',
      internal: false,
      subnets: `${remote('network.outputs.public_subnet_ids')}`,
      security_groups: [albGroupId],
    }));
  });

  test('the ALB drops invalid headers and mitigates request desync defensively', () => {
    expect(loadBalancer).toEqual(expect.objectContaining({ drop_invalid_header_fields: true, desync_mitigation_mode: 'defensive' }));
  });

  test('deletion protection and idle timeout follow the configuration', () => {
    expect(loadBalancer).toEqual(expect.objectContaining({ enable_deletion_protection: false, idle_timeout: 60 }));
    const prod = synthEnvironment(MULTI_CONFIG, 1).service;
    expect(onlyResource(prod, 'aws_lb').enable_deletion_protection).toBe(true);
  });

  test('the target group sends HTTP to task IPs on the container port and drains for the configured delay', () => {
    expect(targetGroup).toEqual(expect.objectContaining({
      name: 'orders-dev-orders',
      target_type: 'ip',
      protocol: 'HTTP',
      port: 8080,
      vpc_id: remote('network.outputs.vpc_id'),
      deregistration_delay: '30',
    }));
  });

  test('the target group checks the health path every 15 s and expects 2xx', () => {
    expect(targetGroup.health_check).toEqual(expect.objectContaining({
      path: '/health', matcher: '200-299', interval: 15, timeout: 5, healthy_threshold: 2, unhealthy_threshold: 3,
    }));
  });

  test('without a certificate, HTTP:80 forwards to the service', () => {
    expect(onlyResource(stack, 'aws_lb_listener')).toEqual(expect.objectContaining({
      port: 80,
      protocol: 'HTTP',
      default_action: [{ type: 'forward', target_group_arn: refTo(stack, 'aws_lb_target_group', targetGroup, 'arn') }],
    }));
  });

  test('with a certificate, HTTPS:443 uses the TLS policy and certificate and forwards to the service', () => {
    const https = bodiesOf(secure, 'aws_lb_listener').find((listener) => listener.port === 443)!;
    expect(https).toEqual(expect.objectContaining({
      protocol: 'HTTPS',
      ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
      certificate_arn: CERTIFICATE_ARN,
      default_action: [{ type: 'forward', target_group_arn: refTo(secure, 'aws_lb_target_group', onlyResource(secure, 'aws_lb_target_group'), 'arn') }],
    }));
  });

  test('HTTP redirects to HTTPS with 301 when a certificate is set', () => {
    const http = bodiesOf(secure, 'aws_lb_listener').find((listener) => listener.port === 80)!;
    expect(http.default_action).toEqual([{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' } }]);
  });

  test('services after the first are routed by path to their own target group', () => {
    const multi = synthEnvironment(MULTI_CONFIG).service;
    const billing = bodiesOf(multi, 'aws_lb_target_group').find((group) => group.name === 'orders-dev-billing')!;
    expect(onlyResource(multi, 'aws_lb_listener_rule')).toEqual(expect.objectContaining({
      condition: [{ path_pattern: { values: ['/billing', '/billing/*'] } }],
      action: [{ type: 'forward', target_group_arn: refTo(multi, 'aws_lb_target_group', billing, 'arn') }],
    }));
  });
});

describe('service stack: task definition', () => {
  test('is a Fargate awsvpc task of family <project>-<env>-<service> with the configured size', () => {
    expect(taskDefinition).toEqual(expect.objectContaining({
      family: 'orders-dev-orders',
      requires_compatibilities: ['FARGATE'],
      network_mode: 'awsvpc',
      cpu: '256',
      memory: '512',
      runtime_platform: { operating_system_family: 'LINUX', cpu_architecture: 'X86_64' },
    }));
  });

  test('runs on ARM64 when configured', () => {
    const arm = onlyResource(synthEnvironment(VARIANTS.arm64).service, 'aws_ecs_task_definition');
    expect(arm.runtime_platform.cpu_architecture).toBe('ARM64');
  });

  test('the container is named after the service and runs its ECR image at var.image_tag', () => {
    expect(container).toEqual(expect.objectContaining({
      name: 'orders',
      image: `${remote('cluster.outputs.ecr_repository_urls.orders')}:\${var.image_tag}`,
      essential: true,
      portMappings: [{ name: 'orders', containerPort: 8080, protocol: 'tcp', appProtocol: 'http' }],
    }));
  });

  test('an external image is used as given', () => {
    const external = onlyResource(synthEnvironment(VARIANTS.externalImage).service, 'aws_ecs_task_definition');
    expect(parseJson(external.container_definitions)[0].image).toBe('public.ecr.aws/nginx/nginx:1.27');
  });

  test('environment variables are passed sorted by name', () => {
    expect(container.environment).toEqual([
      { name: 'APP_ENV', value: 'dev' }, { name: 'HEALTH_CHECK_PATH', value: '/health' }, { name: 'LOG_LEVEL', value: 'info' }, { name: 'PORT', value: '8080' },
    ]);
  });

  test('logs go to the cluster log group through awslogs with the service name as stream prefix', () => {
    expect(container.logConfiguration).toEqual({
      logDriver: 'awslogs',
      options: { 'awslogs-group': remote('cluster.outputs.log_group_name'), 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'orders' },
    });
  });

  test('the root file system is read-only and only the tmp volume at /tmp is writable', () => {
    expect(container.readonlyRootFilesystem).toBe(true);
    expect(container.mountPoints).toEqual([{ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false }]);
    expect(taskDefinition.volume).toEqual([{ name: 'tmp' }]);
  });

  test('an init process runs as PID 1 and the container gets the configured stop timeout', () => {
    expect(container.linuxParameters).toEqual({ initProcessEnabled: true });
    expect(container.stopTimeout).toBe(30);
  });
});

describe('service stack: IAM', () => {
  const ecsTrust = {
    Effect: 'Allow',
    Principal: { Service: 'ecs-tasks.amazonaws.com' },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'aws:SourceAccount': '${local.account_id}' } },
  };
  const executionPolicy = bodiesOf(stack, 'aws_iam_role_policy').find((policy) => policy.name === 'start-task')!;

  test('both roles trust only ECS tasks acting for this account', () => {
    expect(parsePolicy(executionRole.assume_role_policy).Statement).toEqual([ecsTrust]);
    expect(parsePolicy(taskRole.assume_role_policy).Statement).toEqual([ecsTrust]);
  });

  test('the task definition runs with the execution role and the task role', () => {
    expect(taskDefinition.execution_role_arn).toBe(refTo(stack, 'aws_iam_role', executionRole, 'arn'));
    expect(taskDefinition.task_role_arn).toBe(refTo(stack, 'aws_iam_role', taskRole, 'arn'));
  });

  test('the execution role may get an ECR token (only possible on "*")', () => {
    expect(executionPolicy.role).toBe(refTo(stack, 'aws_iam_role', executionRole, 'id'));
    expect(statementWithSid(executionPolicy.policy, 'GetEcrToken')).toEqual(expect.objectContaining({ Action: 'ecr:GetAuthorizationToken', Resource: '*' }));
  });

  test('the execution role may pull from the service\'s repository only', () => {
    expect(statementWithSid(executionPolicy.policy, 'PullServiceImage')).toEqual(expect.objectContaining({
      Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
      Resource: remote('cluster.outputs.ecr_repository_arns.orders'),
    }));
  });

  test('the execution role may write logs to the cluster log group only', () => {
    expect(statementWithSid(executionPolicy.policy, 'WriteServiceLogs')).toEqual(expect.objectContaining({
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${remote('cluster.outputs.log_group_arn')}:*`,
    }));
  });

  test('with an external image the execution role gets no ECR permissions', () => {
    const external = bodiesOf(synthEnvironment(VARIANTS.externalImage).service, 'aws_iam_role_policy').find((policy) => policy.name === 'start-task')!;
    expect(parsePolicy(external.policy).Statement.map((statement) => statement.Sid)).toEqual(['WriteServiceLogs']);
  });

  test('role names stay within IAM\'s 64 characters and distinct for the longest allowed names', () => {
    const config = configOf({
      resourcePrefix: 'warehouse-operations',
      environments: [{ name: 'preproductio' }],
      services: [{ name: 'fulfilment-and-returns-processor' }],
    });
    const names = bodiesOf(synthEnvironment(config).service, 'aws_iam_role').map((role) => role.name);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    expect(names.every((name: string) => name.length <= 64 && name.startsWith('warehouse-operations-preproductio-'))).toBe(true);
  });

  test('without ECS Exec the task role starts without permissions', () => {
    const withoutExec = synthEnvironment(configOf({ services: [ORDERS_SERVICE_OPTIONS], cluster: { executeCommand: false } })).service;
    const role = bodiesOf(withoutExec, 'aws_iam_role').find((r) => r.name === 'orders-dev-orders-task')!;
    expect(bodiesOf(withoutExec, 'aws_iam_role_policy').map((policy) => policy.role)).not.toContain(refTo(withoutExec, 'aws_iam_role', role, 'id'));
    expect(bodiesOf(withoutExec, 'aws_iam_role_policy_attachment')).toEqual([]);
  });

  test('with ECS Exec (development default) the task role gets only the session permissions', () => {
    const policy = bodiesOf(stack, 'aws_iam_role_policy').find((p) => p.role === refTo(stack, 'aws_iam_role', taskRole, 'id'))!;
    expect(parsePolicy(policy.policy).Statement.map((statement) => statement.Sid)).toEqual(['OpenSessionChannels', 'DecryptSessions', 'AuditSessions', 'FindAuditLogGroup']);
    expect(ecsService.enable_execute_command).toBe(true);
  });
});

describe('service stack: ECS service', () => {
  test('tasks get no public IP', () => {
    expect(ecsService.network_configuration.assign_public_ip).toBe(false);
  });

  test('tasks run in the private subnets with the task security group only', () => {
    expect(ecsService.network_configuration).toEqual(expect.objectContaining({
      subnets: remote('network.outputs.private_subnet_ids'),
      security_groups: [taskGroupId],
    }));
  });

  test('runs the task definition in the cluster on FARGATE with the desired count', () => {
    expect(ecsService).toEqual(expect.objectContaining({
      name: 'orders',
      cluster: remote('cluster.outputs.cluster_arn'),
      task_definition: refTo(stack, 'aws_ecs_task_definition', taskDefinition, 'arn'),
      desired_count: 1,
      capacity_provider_strategy: [
        { capacity_provider: 'FARGATE_SPOT', base: 0, weight: 3 },
        { capacity_provider: 'FARGATE', base: 0, weight: 1 },
      ],
    }));
    expect(ecsService).not.toHaveProperty('launch_type');
  });

  test('registers the container port with the target group', () => {
    expect(ecsService.load_balancer).toEqual([{
      target_group_arn: refTo(stack, 'aws_lb_target_group', targetGroup, 'arn'),
      container_name: 'orders',
      container_port: 8080,
    }]);
  });

  test('deployments roll back on failure and never go below the desired count', () => {
    expect(ecsService).toEqual(expect.objectContaining({
      deployment_circuit_breaker: { enable: true, rollback: true },
      deployment_minimum_healthy_percent: 100,
      deployment_maximum_percent: 200,
      wait_for_steady_state: true,
      health_check_grace_period_seconds: 60,
    }));
  });

  test('tags propagate from the service and ECS adds its managed tags', () => {
    expect(ecsService).toEqual(expect.objectContaining({ propagate_tags: 'SERVICE', enable_ecs_managed_tags: true }));
  });

  test('leaves desired_count to autoscaling after creation', () => {
    expect(ecsService.lifecycle).toEqual({ ignore_changes: ['desired_count'] });
  });

  test('waits for the listeners and the execution role policy', () => {
    const listener = onlyResource(stack, 'aws_lb_listener');
    const policy = bodiesOf(stack, 'aws_iam_role_policy').find((p) => p.name === 'start-task')!;
    const address = (type: string, body: ResourceBody) => refTo(stack, type, body, 'x').slice(2, -3);
    expect(ecsService.depends_on.slice(0, 2)).toEqual([address('aws_lb_listener', listener), address('aws_iam_role_policy', policy)]);
  });
});

describe('service stack: autoscaling', () => {
  const policies = bodiesOf(stack, 'aws_appautoscaling_policy');

  test('scales the service\'s desired count between the configured bounds', () => {
    expect(onlyResource(stack, 'aws_appautoscaling_target')).toEqual(expect.objectContaining({
      service_namespace: 'ecs',
      scalable_dimension: 'ecs:service:DesiredCount',
      resource_id: `service/${remote('cluster.outputs.cluster_name')}/${refTo(stack, 'aws_ecs_service', ecsService, 'name')}`,
      min_capacity: 1,
      max_capacity: 4,
    }));
  });

  test('tracks average CPU and memory utilization with the configured targets and cooldowns', () => {
    expect(policies.map((policy) => [
      policy.policy_type,
      policy.target_tracking_scaling_policy_configuration.predefined_metric_specification.predefined_metric_type,
      policy.target_tracking_scaling_policy_configuration.target_value,
      policy.target_tracking_scaling_policy_configuration.scale_in_cooldown,
      policy.target_tracking_scaling_policy_configuration.scale_out_cooldown,
    ])).toEqual([
      ['TargetTrackingScaling', 'ECSServiceAverageCPUUtilization', 60, 300, 60],
      ['TargetTrackingScaling', 'ECSServiceAverageMemoryUtilization', 80, 300, 60],
    ]);
  });
});

describe('service stack: outputs', () => {
  test('outputs the load balancer, the URL and the service names under fixed names', () => {
    expect(stack.output).toEqual({
      load_balancer_dns_name: expect.objectContaining({ value: refTo(stack, 'aws_lb', loadBalancer, 'dns_name') }),
      load_balancer_arn: expect.objectContaining({ value: refTo(stack, 'aws_lb', loadBalancer, 'arn') }),
      service_url: expect.objectContaining({ value: `http://${refTo(stack, 'aws_lb', loadBalancer, 'dns_name')}` }),
      service_names: expect.objectContaining({ value: [refTo(stack, 'aws_ecs_service', ecsService, 'name')] }),
    });
  });

  test('the service URL is https:// when a certificate is set', () => {
    expect(secure.output?.service_url.value).toMatch(/^https:\/\/\$\{aws_lb\./);
  });
});
