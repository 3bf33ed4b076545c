import { DeploymentStrategy, EnvironmentPreset } from '../../../src/options';
import { configOf, ORDERS_SERVICE_OPTIONS } from '../support/configs';
import { deploymentConfig } from '../support/deployment-configs';
import { bodiesOf, onlyResource, parseJson, refTo, statementWithSid, synthEnvironment } from '../support/synth';

const prodOptions = {
  services: [ORDERS_SERVICE_OPTIONS, { name: 'worker', loadBalanced: false }],
  environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }],
  observability: { notifications: { emails: ['oncall@example.com'], httpsEndpoints: ['https://pager.example.com/sns'] } },
};
const prod = synthEnvironment(configOf(prodOptions));
const dev = synthEnvironment(configOf({ services: [ORDERS_SERVICE_OPTIONS], observability: { notifications: { emails: ['oncall@example.com'] } } }));
const topicArn = '${data.terraform_remote_state.cluster.outputs.alarm_topic_arn}';
const alarmsOf = (stack: typeof prod.service) => bodiesOf(stack, 'aws_cloudwatch_metric_alarm');
const alarmNamed = (stack: typeof prod.service, name: string) => alarmsOf(stack).find((alarm) => alarm.alarm_name === name)!;

describe('alarm topic (cluster stack)', () => {
  const topic = onlyResource(prod.cluster, 'aws_sns_topic');
  const key = bodiesOf(prod.cluster, 'aws_kms_key').find((candidate) => String(candidate.description).includes('alarm notifications'))!;

  test('one KMS-encrypted topic per environment, its ARN an output for every later stack', () => {
    expect(topic.name).toBe('orders-prod-alarms');
    expect(topic.kms_master_key_id).toBe(refTo(prod.cluster, 'aws_kms_key', key, 'arn'));
    expect(prod.cluster.output?.alarm_topic_arn.value).toBe(refTo(prod.cluster, 'aws_sns_topic', topic, 'arn'));
  });

  test('the key rotates and lets CloudWatch publish to the encrypted topic', () => {
    expect(key.enable_key_rotation).toBe(true);
    expect(statementWithSid(key.policy, 'CloudWatchAlarmsPublish')).toEqual(expect.objectContaining({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    }));
  });

  test('production subscribes the e-mail and HTTPS endpoints; development none', () => {
    expect(bodiesOf(prod.cluster, 'aws_sns_topic_subscription').map((s) => [s.protocol, s.endpoint])).toEqual([
      ['email', 'oncall@example.com'], ['https', 'https://pager.example.com/sns'],
    ]);
    expect(bodiesOf(dev.cluster, 'aws_sns_topic_subscription')).toEqual([]);
  });

  test('an existing topic is passed on, not created', () => {
    const existing = 'arn:aws:sns:us-east-1:123456789012:paging';
    const { cluster } = synthEnvironment(configOf({ services: [ORDERS_SERVICE_OPTIONS], observability: { notifications: { topicArn: existing } } }));
    expect(bodiesOf(cluster, 'aws_sns_topic')).toEqual([]);
    expect(cluster.output?.alarm_topic_arn.value).toBe(existing);
  });
});

describe('alarms (service stack)', () => {
  test('a routed service gets six alarms, a service without routing three, the load balancer one', () => {
    const names = alarmsOf(prod.service).map((alarm) => alarm.alarm_name).filter((name) => name.startsWith('orders-prod-')).sort();
    expect(names).toEqual([
      'orders-prod-load-balancer-5xx',
      'orders-prod-orders-cpu', 'orders-prod-orders-memory', 'orders-prod-orders-target-5xx-rate', 'orders-prod-orders-target-response-time-p99',
      'orders-prod-orders-tasks-below-desired', 'orders-prod-orders-unhealthy-hosts',
      'orders-prod-worker-cpu', 'orders-prod-worker-memory', 'orders-prod-worker-tasks-below-desired',
    ]);
  });

  test('the 5xx rate is metric math over the target group\'s 5xx and requests', () => {
    const alarm = alarmNamed(prod.service, 'orders-prod-orders-target-5xx-rate');
    expect(alarm.threshold).toBe(5);
    expect(alarm.metric_query.map((query: any) => query.metric?.metric_name ?? query.expression)).toEqual([
      'HTTPCode_Target_5XX_Count', 'RequestCount', 'IF(FILL(requests, 0) > 0, 100 * FILL(errors, 0) / requests, 0)',
    ]);
    expect(alarm.metric_query[0].metric.dimensions.TargetGroup).toMatch(/^\$\{aws_lb_target_group\..*\.arn_suffix\}$/);
  });

  test('p99 response time in seconds, unhealthy hosts, Container Insights task counts, CPU and memory', () => {
    expect(alarmNamed(prod.service, 'orders-prod-orders-target-response-time-p99')).toEqual(expect.objectContaining({ extended_statistic: 'p99', threshold: 2 }));
    expect(alarmNamed(prod.service, 'orders-prod-orders-unhealthy-hosts')).toEqual(expect.objectContaining({ metric_name: 'UnHealthyHostCount', threshold: 1 }));
    const tasks = alarmNamed(prod.service, 'orders-prod-orders-tasks-below-desired');
    expect([tasks.evaluation_periods, tasks.metric_query[0].metric.namespace]).toEqual([10, 'ECS/ContainerInsights']);
    expect(alarmNamed(prod.service, 'orders-prod-orders-cpu')).toEqual(expect.objectContaining({
      namespace: 'AWS/ECS', threshold: 90, dimensions: { ClusterName: 'orders-prod', ServiceName: 'orders' }, evaluation_periods: 3,
    }));
  });

  test('production alarms notify the topic on ALARM and OK; development alarms notify nobody', () => {
    const alarm = alarmNamed(prod.service, 'orders-prod-load-balancer-5xx');
    expect([alarm.alarm_actions, alarm.ok_actions]).toEqual([[topicArn], [topicArn]]);
    const quiet = alarmNamed(dev.service, 'orders-dev-orders-cpu');
    expect([quiet.alarm_actions, quiet.ok_actions]).toEqual([undefined, undefined]);
  });

  test('rolling deployments: the 5xx rate, response time and unhealthy hosts alarms roll the ECS service back', () => {
    const service = bodiesOf(prod.service, 'aws_ecs_service').find((candidate) => candidate.name === 'orders')!;
    expect(service.alarms).toEqual({
      alarm_names: ['orders-prod-orders-target-5xx-rate', 'orders-prod-orders-target-response-time-p99', 'orders-prod-orders-unhealthy-hosts'],
      enable: true,
      rollback: true,
    });
    const worker = bodiesOf(prod.service, 'aws_ecs_service').find((candidate) => candidate.name === 'worker')!;
    expect(worker.alarms).toBeUndefined();
  });

  test('blue/green: the deployment group watches the service\'s deployment alarms; the ECS service has none', () => {
    const { service } = synthEnvironment(deploymentConfig({ strategy: DeploymentStrategy.BLUE_GREEN }));
    expect(onlyResource(service, 'aws_ecs_service').alarms).toBeUndefined();
    const alarms: string[] = onlyResource(service, 'aws_codedeploy_deployment_group').alarm_configuration.alarms;
    expect(alarms.filter((name) => /monitoring_service_orders_(target_5xx_rate|target_response_time|unhealthy_hosts)_/.test(name))).toHaveLength(3);
  });

  test('thresholds and rollback follow the options', () => {
    const { service } = synthEnvironment(configOf({
      services: [ORDERS_SERVICE_OPTIONS],
      observability: { rollbackOnAlarm: false, thresholds: { cpuPercent: 75, targetResponseTimeP99Ms: 500, evaluationMinutes: 5 } },
    }));
    expect(alarmNamed(service, 'orders-dev-orders-cpu')).toEqual(expect.objectContaining({ threshold: 75, evaluation_periods: 5, datapoints_to_alarm: 5 }));
    expect(alarmNamed(service, 'orders-dev-orders-target-response-time-p99').threshold).toBe(0.5);
    expect(onlyResource(service, 'aws_ecs_service').alarms.rollback).toBe(false);
  });
});

describe('dashboard (service stack)', () => {
  const dashboard = onlyResource(prod.service, 'aws_cloudwatch_dashboard');
  const body = parseJson(dashboard.dashboard_body);
  const titles: string[] = body.widgets.filter((widget: any) => widget.type === 'metric').map((widget: any) => widget.properties.title);

  test('one dashboard per environment, named after it', () => {
    expect(dashboard.dashboard_name).toBe('orders-prod');
  });

  test('requests, 5xx, latency, targets, CPU and memory per service; load balancer and NAT traffic', () => {
    expect(titles).toEqual(expect.arrayContaining([
      'orders: requests', 'orders: 5xx responses', 'orders: response time (seconds)', 'orders: targets', 'orders: CPU (%)', 'orders: memory (%)',
      'worker: CPU (%)', 'worker: memory (%)', 'Load balancer requests and errors', 'Load balancer traffic', 'NAT gateway traffic (bytes)',
    ]));
    expect(titles).not.toContain('worker: requests');
  });

  test('NAT metrics per gateway of the network stack (one per zone in production: two), from its output', () => {
    const nat = body.widgets.find((widget: any) => widget.properties.title === 'NAT gateway traffic (bytes)');
    expect(nat.properties.metrics).toHaveLength(2 * 2);
    expect(nat.properties.metrics[0][3]).toBe('${element(data.terraform_remote_state.network.outputs.nat_gateway_ids, 0)}');
    expect(prod.network.output?.nat_gateway_ids.value).toMatch(/^\$\{aws_nat_gateway\..*\[\*\]\.id\}$/);
  });

  test('widgets sit on the 24-column grid without overlapping', () => {
    const cells = new Set<string>();
    for (const widget of body.widgets) {
      expect(widget.x + widget.width).toBeLessThanOrEqual(24);
      for (let x = widget.x; x < widget.x + widget.width; x++) {
        for (let y = widget.y; y < widget.y + widget.height; y++) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  test('no dashboard and no alarms when turned off', () => {
    const { service } = synthEnvironment(configOf({ services: [ORDERS_SERVICE_OPTIONS], observability: { alarms: false, dashboard: false } }));
    expect(bodiesOf(service, 'aws_cloudwatch_dashboard')).toEqual([]);
    expect(alarmsOf(service).filter((alarm) => String(alarm.alarm_name).startsWith('orders-dev-'))).toEqual([]);
  });
});
