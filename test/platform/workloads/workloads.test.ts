import { WORKLOADS_CONFIG, WORKLOADS_CONFIG_OPTIONS, WORKLOADS_WITH_DATA_CONFIG } from './configs';
import { EnvironmentPreset } from '../../../src/options';
import { estimateMonthlyCost } from '../../../src/platform/contract/cost';
import { permissionsOfResourceTypes } from '../../../src/platform/delivery/resource-types';
import { resourceTypesOf } from '../../../src/platform/delivery/stack-resource-types';
import { configOf } from '../support/configs';
import { bodiesOf, parseJson, parsePolicy, refTo, statementWithSid, synthEnvironment } from '../support/synth';

const env = synthEnvironment(WORKLOADS_CONFIG);
const stack = env.service;
const queues = bodiesOf(stack, 'aws_sqs_queue');
const queueNamed = (name: string) => queues.find((queue) => queue.name === name)!;
const containerOf = (family: string) => parseJson(bodiesOf(stack, 'aws_ecs_task_definition').find((task) => task.family === family)!.container_definitions)[0];
const keyArn = refTo(stack, 'aws_kms_key', bodiesOf(stack, 'aws_kms_key')[0], 'arn');

describe('queue worker', () => {
  test('its queue is encrypted with the messaging key, hides a message six processing times and redrives to the dead-letter queue after 5 receives', () => {
    const queue = queueNamed('orders-dev-billing');
    expect(queue).toEqual(expect.objectContaining({ kms_master_key_id: keyArn, visibility_timeout_seconds: 120, receive_wait_time_seconds: 20 }));
    const deadLetters = queueNamed('orders-dev-billing-dlq');
    expect(deadLetters.kms_master_key_id).toBe(keyArn);
    expect(parseJson(queue.redrive_policy)).toEqual({ deadLetterTargetArn: refTo(stack, 'aws_sqs_queue', deadLetters, 'arn'), maxReceiveCount: 5 });
  });

  test('the dead-letter queue alarms when its oldest message is older than 300 seconds', () => {
    const alarm = bodiesOf(stack, 'aws_cloudwatch_metric_alarm').find((candidate) => candidate.alarm_name === 'orders-dev-billing-dead-letters')!;
    expect(alarm).toEqual(expect.objectContaining({ metric_name: 'ApproximateAgeOfOldestMessage', threshold: 300, namespace: 'AWS/SQS' }));
  });

  test('it scales on visible messages per running task, target latency ÷ processing time, from zero in development', () => {
    const [target] = bodiesOf(stack, 'aws_appautoscaling_target').filter((candidate) => String(candidate.resource_id).includes('worker_billing'));
    expect([target.min_capacity, target.max_capacity]).toEqual([0, 10]);
    const policy = bodiesOf(stack, 'aws_appautoscaling_policy').find((candidate) => candidate.name === 'orders-dev-billing-backlog-per-task')!;
    const tracking = policy.target_tracking_scaling_policy_configuration;
    expect(tracking.target_value).toBe(6);
    const metrics = tracking.customized_metric_specification.metrics;
    expect(metrics.map((metric: any) => metric.metric_stat?.metric.metric_name ?? metric.expression)).toEqual([
      'ApproximateNumberOfMessagesVisible', 'RunningTaskCount', 'IF(FILL(running, 0) > 0, visible / FILL(running, 0), visible)',
    ]);
  });

  test('its task role consumes exactly its queue; the container gets QUEUE_URL and its topic ARN', () => {
    const consume = bodiesOf(stack, 'aws_iam_role_policy').find((policy) => policy.name === 'consume-queue')!;
    expect(statementWithSid(consume.policy, 'ConsumeOwnQueue').Resource).toBe(refTo(stack, 'aws_sqs_queue', queueNamed('orders-dev-billing'), 'arn'));
    expect(statementWithSid(consume.policy, 'DecryptMessages')).toEqual(expect.objectContaining({
      Resource: keyArn, Condition: { StringEquals: { 'kms:ViaService': 'sqs.us-east-1.amazonaws.com' } },
    }));
    const names = containerOf('orders-dev-billing').environment.map((variable: { name: string }) => variable.name);
    expect(names).toEqual(['INVOICES_TOPIC_ARN', 'QUEUE_URL']);
    expect(containerOf('orders-dev-billing').portMappings).toBeUndefined();
  });

  test('its service has no load balancer and runs on Fargate Spot first in development', () => {
    const service = bodiesOf(stack, 'aws_ecs_service').find((candidate) => candidate.name === 'billing')!;
    expect(service.load_balancer).toBeUndefined();
    expect(service.capacity_provider_strategy[0]).toEqual(expect.objectContaining({ capacity_provider: 'FARGATE_SPOT' }));
  });
});

describe('topics', () => {
  test('each topic is encrypted with the messaging key, and the subscription carries the filter policy', () => {
    expect(bodiesOf(stack, 'aws_sns_topic').map((topic) => [topic.name, topic.kms_master_key_id]).sort()).toEqual([
      ['orders-dev-invoices', keyArn], ['orders-dev-order-events', keyArn],
    ]);
    const [subscription] = bodiesOf(stack, 'aws_sns_topic_subscription');
    expect(parseJson(subscription.filter_policy)).toEqual({ eventType: ['order-placed'] });
    expect(subscription.raw_message_delivery).toBe(true);
  });

  test('only the subscribed topic may send to the queue, and only over TLS', () => {
    const queueUrl = refTo(stack, 'aws_sqs_queue', queueNamed('orders-dev-billing'), 'url');
    const policy = bodiesOf(stack, 'aws_sqs_queue_policy').find((candidate) => candidate.queue_url === queueUrl)!;
    const topic = bodiesOf(stack, 'aws_sns_topic').find((candidate) => candidate.name === 'orders-dev-order-events')!;
    expect(statementWithSid(policy.policy, 'SubscribedTopicsSend').Condition).toEqual({ ArnEquals: { 'aws:SourceArn': [refTo(stack, 'aws_sns_topic', topic, 'arn')] } });
    expect(statementWithSid(policy.policy, 'DenyInsecureTransport').Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
  });

  test('the publishing service may publish to exactly its topic and reads its ARN from ORDER_EVENTS_TOPIC_ARN', () => {
    const grants = bodiesOf(stack, 'aws_iam_role_policy').filter((policy) => policy.name === 'publish');
    const topic = bodiesOf(stack, 'aws_sns_topic').find((candidate) => candidate.name === 'orders-dev-order-events')!;
    expect(grants.map((grant) => statementWithSid(grant.policy, 'PublishToOwnTopics').Resource)).toContainEqual([refTo(stack, 'aws_sns_topic', topic, 'arn')]);
    const orders = containerOf('orders-dev-orders');
    expect(orders.environment).toContainEqual({ name: 'ORDER_EVENTS_TOPIC_ARN', value: refTo(stack, 'aws_sns_topic', topic, 'arn') });
  });
});

describe('scheduled job', () => {
  const [schedule] = bodiesOf(stack, 'aws_scheduler_schedule');

  test('the schedule runs the job state machine on its cron in its time zone, with retries, an event age and a dead-letter queue', () => {
    expect(schedule).toEqual(expect.objectContaining({
      name: 'orders-dev-nightly-report', schedule_expression: 'cron(0 3 * * ? *)', schedule_expression_timezone: 'Europe/Paris', state: 'ENABLED',
    }));
    expect(schedule.target.retry_policy).toEqual({ maximum_retry_attempts: 2, maximum_event_age_in_seconds: 3600 });
    expect(schedule.target.dead_letter_config.arn).toBe(refTo(stack, 'aws_sqs_queue', queueNamed('orders-dev-nightly-report-schedule-dlq'), 'arn'));
  });

  test('the scheduler role starts only the job state machine and sends only to its dead-letter queue', () => {
    const policy = bodiesOf(stack, 'aws_iam_role_policy').find((candidate) => candidate.name === 'start-job')!;
    const machine = bodiesOf(stack, 'aws_sfn_state_machine')[0];
    expect(parsePolicy(policy.policy).Statement.map((statement) => [statement.Action, statement.Resource])).toEqual([
      ['states:StartExecution', refTo(stack, 'aws_sfn_state_machine', machine, 'arn')],
      ['sqs:SendMessage', refTo(stack, 'aws_sqs_queue', queueNamed('orders-dev-nightly-report-schedule-dlq'), 'arn')],
      [['kms:GenerateDataKey', 'kms:Decrypt'], keyArn],
    ]);
  });

  test('the state machine role runs only the job family in the cluster and passes only the job roles', () => {
    const policy = bodiesOf(stack, 'aws_iam_role_policy').find((candidate) => candidate.name === 'run-job')!;
    expect(statementWithSid(policy.policy, 'RunJobTask').Resource).toMatch(/:task-definition\/orders-dev-nightly-report:\*$/);
    const passed = statementWithSid(policy.policy, 'PassJobRoles').Resource as string[];
    expect(passed).toHaveLength(2);
    expect(passed.every((arn) => arn.includes('workloads_job_nightly-report_roles'))).toBe(true);
  });

  test('the run checks for a running task of the family first, then fails unless the container exits with 0', () => {
    const definition = String(bodiesOf(stack, 'aws_sfn_state_machine')[0].definition);
    expect(definition).toContain('"StartAt" = "CheckPreviousRun"');
    expect(definition).toContain('aws-sdk:ecs:listTasks');
    expect(definition).toContain('"Variable" = "$.run.exitCode", "NumericEquals" = 0');
  });

  test('the failure alarm sums failed, timed-out and aborted runs', () => {
    const alarm = bodiesOf(stack, 'aws_cloudwatch_metric_alarm').find((candidate) => candidate.alarm_name === 'orders-dev-nightly-report-failed')!;
    expect(alarm.metric_query.map((query: any) => query.metric?.metric_name ?? query.expression)).toEqual([
      'ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted', 'FILL(failed, 0) + FILL(timed_out, 0) + FILL(aborted, 0)',
    ]);
  });

  test('the job runs the image of the service it names, with its secrets, and logs below the services\' log group', () => {
    const container = containerOf('orders-dev-nightly-report');
    expect(container.image).toContain('ecr_repository_urls');
    expect(container.secrets).toEqual([{ name: 'DB_PASSWORD', valueFrom: '/orders/dev/db-password' }]);
    expect(bodiesOf(stack, 'aws_cloudwatch_log_group').map((group) => group.name)).toContain('/ecs/orders-dev/jobs/nightly-report');
  });
});

test('the deploy role knows the permissions of every resource type of the workloads', () => {
  expect(() => permissionsOfResourceTypes(resourceTypesOf([env.stacks.service]))).not.toThrow();
});

describe('cost estimate', () => {
  test('a worker kept at one task in production is priced; the messaging key counts', () => {
    const production = configOf({
      environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }],
      workers: [{ name: 'billing', cpu: 512, memoryMiB: 1024 }],
    }).environments[0];
    const estimate = estimateMonthlyCost(production);
    expect(estimate.lineItems.map((item) => item.what)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^billing: Fargate x86, 1 task\(s\) of 0.5 vCPU \/ 1 GB, vCPU$/),
      // Cluster, flow logs, messaging and the alarm topic.
      'KMS keys × 4',
    ]));
    expect(estimate.assumptions).toContain('Queue workers at their minimum task count; scheduled jobs, SQS, SNS, EventBridge Scheduler and Step Functions are priced by use and not included.');
  });
});

test('with Service Connect, a worker is a client of the services and carries the peer security group they admit', () => {
  const withServiceConnect = synthEnvironment(configOf({
    cluster: { serviceConnect: true },
    services: [{ name: 'api' }, { name: 'backend', loadBalanced: false }],
    workers: [{ name: 'billing' }],
  })).service;
  const worker = bodiesOf(withServiceConnect, 'aws_ecs_service').find((service) => service.name === 'billing')!;
  expect(worker.service_connect_configuration).toEqual({ enabled: true, namespace: expect.stringContaining('service_connect_namespace_arn') });
  const peers = refTo(withServiceConnect, 'aws_security_group', bodiesOf(withServiceConnect, 'aws_security_group').find((group) => group.name === 'orders-dev-services')!, 'id');
  expect(worker.network_configuration.security_groups).toContain(peers);
});

test('a job that allows overlaps runs at once; a disabled job gets a disabled schedule', () => {
  const variant = synthEnvironment(configOf({ jobs: [{ name: 'sync', schedule: 'rate(5 minutes)', allowOverlap: true, enabled: false }] })).service;
  const definition = String(bodiesOf(variant, 'aws_sfn_state_machine')[0].definition);
  expect(definition).toContain('"StartAt" = "RunTask"');
  expect(definition).not.toContain('listTasks');
  expect(bodiesOf(variant, 'aws_scheduler_schedule')[0].state).toBe('DISABLED');
});

describe('data resources attached to workers and jobs', () => {
  const withData = synthEnvironment(WORKLOADS_WITH_DATA_CONFIG).service;
  const task = (family: string) => bodiesOf(withData, 'aws_ecs_task_definition').find((candidate) => candidate.family === family)!;
  const dataContainerOf = (family: string) => parseJson(task(family).container_definitions)[0];
  const variables = (family: string) => dataContainerOf(family).environment.map((variable: { name: string }) => variable.name);

  test('the worker gets the variables of its cache and bucket', () => {
    expect(variables('orders-dev-billing')).toEqual(expect.arrayContaining(['INVOICES_BUCKET', 'SESSIONS_HOST', 'SESSIONS_PORT', 'QUEUE_URL']));
  });

  test('the job gets the database\'s connection settings and credentials as secrets', () => {
    const container = dataContainerOf('orders-dev-nightly-report');
    expect(variables('orders-dev-nightly-report')).toEqual(expect.arrayContaining(['MAIN_HOST', 'MAIN_PORT', 'MAIN_NAME']));
    expect(container.secrets.map((secret: { name: string }) => secret.name)).toEqual(expect.arrayContaining(['MAIN_USERNAME', 'MAIN_PASSWORD']));
  });

  test('the worker\'s tasks carry the cache\'s client security group; the job\'s run carries the database\'s', () => {
    const worker = bodiesOf(withData, 'aws_ecs_service').find((service) => service.name === 'billing')!;
    expect(worker.network_configuration.security_groups).toHaveLength(2);
    const [machine] = bodiesOf(withData, 'aws_sfn_state_machine');
    expect(String(machine.definition)).toContain('client_security_group_ids');
  });

  test('the worker\'s task role may read and write its bucket\'s objects', () => {
    const policies = bodiesOf(withData, 'aws_iam_role_policy').filter((policy) => String(policy.role).includes('billing'));
    const statements = policies.flatMap((policy) => parsePolicy(policy.policy).Statement);
    const actions = statements.flatMap((statement: { Action: string | string[] }) => statement.Action);
    expect(actions).toEqual(expect.arrayContaining(['s3:PutObject', 's3:GetObject', 'elasticache:Connect']));
  });
});

describe('alarms of workers and jobs', () => {
  const production = synthEnvironment(configOf({ ...WORKLOADS_CONFIG_OPTIONS, environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }] })).service;
  const alarmsOf = (synthesized: typeof stack) => bodiesOf(synthesized, 'aws_cloudwatch_metric_alarm')
    .filter((alarm) => /-(billing|nightly-report)-/.test(String(alarm.alarm_name)));

  test('a worker alarms when its oldest message waited longer than the acceptable latency for five minutes', () => {
    const alarm = alarmsOf(stack).find((candidate) => candidate.alarm_name === 'orders-dev-billing-queue-age')!;
    expect(alarm).toEqual(expect.objectContaining({ metric_name: 'ApproximateAgeOfOldestMessage', threshold: 120, evaluation_periods: 5 }));
  });

  test('in production every worker and job alarm notifies the environment\'s alarm topic', () => {
    const alarms = alarmsOf(production);
    expect(alarms.map((alarm) => alarm.alarm_name).sort()).toEqual([
      'orders-prod-billing-dead-letters', 'orders-prod-billing-queue-age', 'orders-prod-nightly-report-failed', 'orders-prod-nightly-report-not-started',
    ]);
    for (const alarm of alarms) {
      expect(alarm.alarm_actions).toEqual([expect.stringContaining('alarm_topic_arn')]);
    }
  });

  test('in development they notify nobody', () => {
    expect(alarmsOf(stack).every((alarm) => alarm.alarm_actions === undefined)).toBe(true);
  });
});
