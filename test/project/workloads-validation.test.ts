import { problemsOf } from './support';
import type { JobOptions, WorkerOptions } from '../../src/options';
import { isTimeZoneName, scheduleExpressionProblem } from '../../src/platform/contract/workload-rules';
import { resolvePlatformConfig } from '../../src/resolve/resolve';

const worker = (options: Partial<WorkerOptions> = {}): WorkerOptions => ({ name: 'billing', ...options });
const job = (options: Partial<JobOptions> = {}): JobOptions => ({ name: 'report', schedule: 'rate(1 hour)', ...options });

test.each<[string, WorkerOptions[], JobOptions[], string]>([
  ['cron with five fields', [], [job({ schedule: 'cron(0 3 * * *)' })], 'jobs[0].schedule: "cron(0 3 * * *)" has 5 cron fields; expected "cron(<minutes> <hours>'],
  ['cron with both day fields', [], [job({ schedule: 'cron(0 3 * * MON *)' })], 'jobs[0].schedule: "cron(0 3 * * MON *)" must have "?" in exactly one of day-of-month and day-of-week'],
  ['cron hour 24', [], [job({ schedule: 'cron(0 24 * * ? *)' })], 'jobs[0].schedule: "cron(0 24 * * ? *)" has an invalid hours field "24"'],
  ['rate with plural for 1', [], [job({ schedule: 'rate(1 hours)' })], 'jobs[0].schedule: "rate(1 hours)" has a plural unit for 1'],
  ['rate with seconds', [], [job({ schedule: 'rate(30 seconds)' })], 'jobs[0].schedule: "rate(30 seconds)" is not a rate expression'],
  ['a one-time schedule', [], [job({ schedule: 'at(2026-01-01T00:00:00)' })], 'jobs[0].schedule: "at(2026-01-01T00:00:00)" is not a schedule expression'],
  ['unknown time zone', [], [job({ timezone: 'Europe/Pariss' })], 'jobs[0].timezone: "Europe/Pariss" is not an IANA time zone name; expected a name from the IANA time zone database'],
  ['UTC offset as time zone', [], [job({ timezone: '+01:00' })], 'jobs[0].timezone: "+01:00" is not an IANA time zone name'],
  ['retries', [], [job({ retryAttempts: 200 })], 'jobs[0].retryAttempts: 200 is not allowed; expected an integer from 0 to 185'],
  ['event age', [], [job({ maximumEventAgeSeconds: 30 })], 'jobs[0].maximumEventAgeSeconds: 30 is not allowed; expected an integer from 60 to 86400'],
  ['job timeout', [], [job({ timeoutSeconds: 90000 })], 'jobs[0].timeoutSeconds: 90000 is not allowed; expected an integer from 60 to 86400'],
  ['job name too long', [], [job({ name: 'a'.repeat(33) })], `jobs[0].name: "${'a'.repeat(33)}" is not allowed; expected 2 to 32 lowercase letters`],
  ['processing time', [worker({ processingTimeSeconds: 0 })], [], 'workers[0].processingTimeSeconds: 0 is not allowed; expected an integer from 1 to 7200'],
  ['latency below processing time', [worker({ processingTimeSeconds: 60, acceptableLatencySeconds: 30 })], [],
    'workers[0].acceptableLatencySeconds: 30 is below processingTimeSeconds 60'],
  ['max below min', [worker({ minCapacity: 3, maxCapacity: 2 })], [], 'workers[0].maxCapacity: 2 is below minCapacity 3'],
  ['unknown topic', [worker({ subscribes: [{ topic: 'orders' }] })], [], 'workers[0].subscribes[0].topic: "orders" is not a topic of this project; expected one of'],
  ['own topic', [worker({ publishes: ['invoices'], subscribes: [{ topic: 'invoices' }] })], [], 'workers[0].subscribes[0].topic: "invoices" is published by this worker'],
  ['topic name', [worker({ publishes: ['Invoices'] })], [], 'workers[0].publishes[0]: "Invoices" is not a topic name'],
  ['worker named like the service', [worker({ name: 'orders' })], [], 'workers[0].name: "orders" is used by services[0] too; names must be unique among services, workers and jobs'],
  ['imageOf an unknown service', [worker({ imageOf: 'web' })], [], 'workers[0].imageOf: "web" is not a service built from this repository; expected one of orders'],
  ['image and imageOf', [worker({ image: 'busybox:1.36', imageOf: 'orders' })], [], 'workers[0].imageOf: "orders" is set together with image'],
  ['queue key', [worker({ queueKmsKeyArn: 'alias/mine' })], [], 'workers[0].queueKmsKeyArn: "alias/mine" is not a KMS key ARN'],
])('rejects %s', (_case, workers, jobs, expected) => {
  expect(problemsOf({ services: [{ name: 'orders' }], workers, jobs })).toEqual([expect.stringContaining(expected)]);
});

test('a worker scales on Container Insights\' running task count: the cluster must keep it on', () => {
  expect(problemsOf({ cluster: { containerInsights: false }, workers: [worker()] })).toEqual([
    expect.stringContaining('workers[0]: "billing" scales on backlog per task, which reads RunningTaskCount from Container Insights'),
  ]);
});

test('a topic published twice names its first publisher', () => {
  expect(problemsOf({ services: [{ name: 'orders', publishes: ['events'] }], workers: [worker({ publishes: ['events'] })] })).toEqual([
    expect.stringContaining('workers[0].publishes[0]: "events" is published by orders too; a topic has one publisher'),
  ]);
});

test('every service built elsewhere: a worker needs its own image', () => {
  expect(problemsOf({ services: [{ name: 'web', image: 'nginx:1.27' }], workers: [worker()] })).toEqual([
    expect.stringContaining('workers[0].image: undefined is required: no service is built from this repository'),
  ]);
});

describe('defaults', () => {
  const config = (preset?: 'production') => resolvePlatformConfig({
    name: 'orders',
    environments: [{ name: 'dev' }, { name: 'prod', preset: preset as any }],
    loadBalancer: { allowPlainHttp: 'test configuration without TLS' },
    workers: [worker({ processingTimeSeconds: 10, acceptableLatencySeconds: 95 })],
    jobs: [job()],
  });

  test('a worker scales from zero in development and from one in production, to 10, targeting latency ÷ processing time', () => {
    const [dev, prod] = config('production').environments.map((env) => env.workloads!.workers[0].scaling);
    expect([dev.minCapacity, dev.maxCapacity, dev.backlogPerTaskTarget]).toEqual([0, 10, 9]);
    expect(prod.minCapacity).toBe(1);
  });

  test('the queue hides a message six processing times, keeps messages 14 days and dead-letters after 5 receives', () => {
    const { queue } = config().environments[0].workloads!.workers[0];
    expect(queue).toEqual(expect.objectContaining({
      name: 'orders-dev-billing', deadLetterQueueName: 'orders-dev-billing-dlq', visibilityTimeoutSeconds: 60, messageRetentionSeconds: 1209600, maxReceiveCount: 5,
    }));
  });

  test('a job runs in UTC with 2 retries for an hour, one run at a time, on the image of the first service', () => {
    const [resolved] = config().environments[0].workloads!.jobs;
    expect(resolved).toEqual(expect.objectContaining({
      timezone: 'UTC', retryAttempts: 2, maximumEventAgeSeconds: 3600, timeoutSeconds: 3600, allowOverlap: false, imageOf: 'orders', enabled: true,
    }));
  });

  test('long names are fitted to each limit with a hash', () => {
    const long = 'a'.repeat(32);
    const [resolved] = resolvePlatformConfig({ name: 'orders', resourcePrefix: 'b'.repeat(20), jobs: [job({ name: long })] }).environments[0].workloads!.jobs;
    expect(resolved.scheduleName).toBe(`${'b'.repeat(20)}-dev-${long}`);
    expect(resolved.schedulerRoleName).toHaveLength(64);
    expect(resolved.schedulerRoleName).toMatch(/-[0-9a-f]{6}$/);
  });

  test('no workers, jobs or topics: no workloads in the configuration', () => {
    expect(resolvePlatformConfig({ name: 'orders' }).environments[0].workloads).toBeUndefined();
  });
});

describe('schedule expressions', () => {
  test.each(['cron(0 3 * * ? *)', 'cron(0/15 8-18 ? * MON-FRI *)', 'cron(0 12 L * ? 2027)', 'cron(0 9 ? * 2#1 *)', 'rate(1 minute)', 'rate(12 hours)'])(
    'accepts %s', (expression) => expect(scheduleExpressionProblem(expression)).toBeUndefined(),
  );

  test.each(['UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires'])('%s is a time zone', (zone) => expect(isTimeZoneName(zone)).toBe(true));
});

test('an unknown worker option gets the closest known one', () => {
  const options = { workers: [{ name: 'billing', procesingTimeSeconds: 5 } as WorkerOptions] };
  expect(problemsOf(options)).toEqual([expect.stringMatching(/^workers\[0\]\.procesingTimeSeconds: .*did you mean processingTimeSeconds/)]);
});

test('without NAT gateways, the private subnets get SQS and SNS endpoints for the workers and publishers, and SSM for a job\'s secret', () => {
  const [env] = resolvePlatformConfig({
    name: 'orders',
    network: { natGateways: 'none' as any },
    services: [{ name: 'orders', publishes: ['events'] }],
    workers: [worker({ subscribes: [{ topic: 'events' }] })],
    jobs: [job({ secrets: { TOKEN: '/orders/token' } })],
  }).environments;
  expect(env.network.vpcEndpoints.interfaceServices).toEqual(expect.arrayContaining(['sns', 'sqs', 'ssm']));
});

test('a worker whose queue would be another worker\'s dead-letter queue is refused', () => {
  expect(problemsOf({ workers: [worker(), worker({ name: 'billing-dlq' })] })).toEqual([
    expect.stringContaining('workers[1].name: "orders-dev-billing-dlq" gives a queue name that workers[0].name uses too'),
  ]);
});
