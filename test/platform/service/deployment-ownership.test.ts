import { TaskDefinitionOwner } from '../../../src/options';
import { deploymentConfig, DEPLOYMENTS } from '../support/deployment-configs';
import { bodiesOf, onlyResource, parsePolicy, refTo, synthEnvironment } from '../support/synth';

describe('task definition ownership', () => {
  test('Terraform owns the task definition by default: only the desired count is ignored', () => {
    const service = onlyResource(synthEnvironment(deploymentConfig(DEPLOYMENTS.githubRolling)).service, 'aws_ecs_service');
    expect(service.lifecycle).toEqual({ ignore_changes: ['desired_count'] });
    expect(service).not.toHaveProperty('deployment_controller');
  });

  test('when the pipeline owns it, Terraform also ignores the task definition', () => {
    const config = deploymentConfig({ ...DEPLOYMENTS.githubRolling, taskDefinitionOwner: TaskDefinitionOwner.PIPELINE });
    const service = onlyResource(synthEnvironment(config).service, 'aws_ecs_service');
    expect(service.lifecycle).toEqual({ ignore_changes: ['desired_count', 'task_definition'] });
    expect(service.deployment_circuit_breaker).toEqual({ enable: true, rollback: true });
  });

  test('blue/green: CODE_DEPLOY controller, no circuit breaker, task definition and load balancer ignored', () => {
    const service = onlyResource(synthEnvironment(deploymentConfig(DEPLOYMENTS.githubBlueGreen)).service, 'aws_ecs_service');
    expect(service.deployment_controller).toEqual({ type: 'CODE_DEPLOY' });
    expect(service).not.toHaveProperty('deployment_circuit_breaker');
    expect(service.lifecycle).toEqual({ ignore_changes: ['desired_count', 'task_definition', 'load_balancer'] });
  });
});

describe('blue/green resources in the service stack', () => {
  const stack = synthEnvironment(deploymentConfig(DEPLOYMENTS.githubBlueGreen)).service;
  const secure = synthEnvironment(deploymentConfig(DEPLOYMENTS.githubBlueGreen, { certificate: true })).service;
  const targetGroups = bodiesOf(stack, 'aws_lb_target_group');
  const green = targetGroups.find((group) => group.name === 'orders-dev-orders-green')!;
  const blue = targetGroups.find((group) => group.name === 'orders-dev-orders')!;
  const listeners = bodiesOf(stack, 'aws_lb_listener');
  const production = listeners.find((listener) => listener.port === 80)!;
  const testListener = listeners.find((listener) => listener.port === 9000)!;

  test('a green target group mirrors the blue one', () => {
    expect(green).toEqual(expect.objectContaining({ target_type: 'ip', protocol: 'HTTP', port: 8080, health_check: blue.health_check }));
  });

  test('the test listener on port 9000 forwards to the green target group and CodeDeploy owns its action', () => {
    expect(testListener.default_action).toEqual([{ type: 'forward', target_group_arn: refTo(stack, 'aws_lb_target_group', green, 'arn') }]);
    expect(testListener.lifecycle).toEqual({ ignore_changes: ['default_action'] });
  });

  test('CodeDeploy owns the production listener\'s action', () => {
    expect(production.lifecycle).toEqual({ ignore_changes: ['default_action'] });
  });

  test('with a certificate the test listener serves HTTPS with the TLS policy', () => {
    const secureTest = bodiesOf(secure, 'aws_lb_listener').find((listener) => listener.port === 9000)!;
    expect(secureTest).toEqual(expect.objectContaining({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06' }));
  });

  test('the deployment group shifts traffic blue/green, rolls back on failure and alarms, and ends the old tasks after 5 minutes', () => {
    const group = onlyResource(stack, 'aws_codedeploy_deployment_group');
    expect(group).toEqual(expect.objectContaining({
      deployment_group_name: 'orders-dev-orders',
      deployment_style: { deployment_option: 'WITH_TRAFFIC_CONTROL', deployment_type: 'BLUE_GREEN' },
      auto_rollback_configuration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'] },
      ecs_service: { cluster_name: 'orders-dev', service_name: expect.stringContaining('aws_ecs_service.') },
    }));
    expect(group.blue_green_deployment_config.terminate_blue_instances_on_deployment_success).toEqual({ action: 'TERMINATE', termination_wait_time_in_minutes: 5 });
    // The blue and green 5xx alarms, and the service's deployment alarms (5xx rate, response time, unhealthy hosts).
    expect(group.alarm_configuration.alarms).toHaveLength(5);
  });

  test('the CodeDeploy role may only touch this service, its listeners and pass its task roles', () => {
    const policy = parsePolicy(bodiesOf(stack, 'aws_iam_role_policy').find((candidate) => candidate.name === 'blue-green-deployments')!.policy);
    const passRole = policy.Statement.find((statement) => statement.Sid === 'PassTaskRoles')!;
    expect(passRole.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } });
    expect(policy.Statement.find((statement) => statement.Sid === 'ManageTaskSets')!.Resource).toEqual([
      'arn:aws:ecs:us-east-1:111122223333:service/orders-dev/orders',
      'arn:aws:ecs:us-east-1:111122223333:task-set/orders-dev/orders/*',
    ]);
  });
});
