import { CloudWatchLogsClient, DescribeLogStreamsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeImagesCommand, ECRClient, GetAuthorizationTokenCommand, ImageNotFoundException } from '@aws-sdk/client-ecr';
import { DescribeServicesCommand, ECSClient, ListServicesCommand, ServiceNotFoundException } from '@aws-sdk/client-ecs';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  LoadBalancerNotFoundException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { awsError, FakeAws } from './support/fake-aws';

// Drives the fake with the real SDK v3 clients, configured only through the environment, as the
// operations commands are in a workflow step.
describe('fake AWS endpoint, reached by the real SDK through AWS_ENDPOINT_URL', () => {
  let aws: FakeAws;
  const saved = { ...process.env };
  beforeAll(async () => {
    aws = await FakeAws.start({ accountId: '111122223333' });
    Object.assign(process.env, aws.env('eu-west-1'));
  });
  afterAll(async () => {
    process.env = saved;
    await aws.stop();
  });

  test('STS (query protocol): GetCallerIdentity answers the configured account', async () => {
    const identity = await new STSClient({}).send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe('111122223333');
    expect(aws.callsTo('STS.GetCallerIdentity')).toHaveLength(1);
    expect(aws.callsTo('STS.GetCallerIdentity')[0].region).toBe('eu-west-1');
  });

  test('ECR (JSON 1.1): GetAuthorizationToken gives a base64 AWS:token and the registry endpoint', async () => {
    const token = await new ECRClient({}).send(new GetAuthorizationTokenCommand({}));
    const [data] = token.authorizationData ?? [];
    expect(Buffer.from(data.authorizationToken ?? '', 'base64').toString()).toBe('AWS:fake-ecr-password');
    expect(data.proxyEndpoint).toBe('https://111122223333.dkr.ecr.eu-west-1.amazonaws.com');
    expect(data.expiresAt).toBeInstanceOf(Date);
  });

  test('ECR (JSON 1.1): DescribeImages finds registered tags and raises ImageNotFoundException for others', async () => {
    aws.registerImage('demo-dev-web', 'abc123');
    const ecr = new ECRClient({});
    const found = await ecr.send(new DescribeImagesCommand({ repositoryName: 'demo-dev-web', imageIds: [{ imageTag: 'abc123' }] }));
    expect(found.imageDetails?.[0].imageTags).toEqual(['abc123']);
    expect(found.imageDetails?.[0].imagePushedAt).toEqual(new Date('2024-01-01T00:00:00Z'));
    const missing = ecr.send(new DescribeImagesCommand({ repositoryName: 'demo-dev-web', imageIds: [{ imageTag: 'nope' }] }));
    await expect(missing).rejects.toBeInstanceOf(ImageNotFoundException);
    await expect(missing).rejects.toThrow(/imageTag:'nope'/);
  });

  test('ECS (JSON 1.1): answers from a registered handler and raises ServiceNotFoundException', async () => {
    aws.on('ECS.DescribeServices', (params) => {
      if (params.cluster === 'missing') {
        throw awsError('ServiceNotFoundException', 'Service not found.');
      }
      return { services: [{ serviceName: params.services[0], runningCount: 2, deployments: [{ rolloutState: 'COMPLETED' }] }], failures: [] };
    });
    const ecs = new ECSClient({});
    const described = await ecs.send(new DescribeServicesCommand({ cluster: 'demo-dev', services: ['web'] }));
    expect(described.services?.[0]).toMatchObject({ serviceName: 'web', runningCount: 2 });
    expect(aws.callsTo('ECS.DescribeServices')[0].params).toEqual({ cluster: 'demo-dev', services: ['web'] });
    await expect(ecs.send(new DescribeServicesCommand({ cluster: 'missing', services: ['web'] }))).rejects.toBeInstanceOf(ServiceNotFoundException);
  });

  test('CloudWatch Logs (JSON 1.1): answers from a registered handler', async () => {
    aws.on('CloudWatchLogs.DescribeLogStreams', () => ({ logStreams: [{ logStreamName: 'web/web/abc', lastEventTimestamp: 1700000000000 }] }));
    const streams = await new CloudWatchLogsClient({}).send(new DescribeLogStreamsCommand({ logGroupName: '/ecs/demo-dev' }));
    expect(streams.logStreams?.[0].logStreamName).toBe('web/web/abc');
  });

  test('ELBv2 (query protocol): parses list parameters, renders lists and raises LoadBalancerNotFoundException', async () => {
    aws.on('ELBv2.DescribeLoadBalancers', (params) => {
      if (params.Names?.includes('missing')) {
        throw awsError('LoadBalancerNotFound', 'One or more load balancers not found');
      }
      return { LoadBalancers: params.Names.map((name: string) => ({ LoadBalancerName: name, DNSName: `${name}.elb.amazonaws.com`, CreatedTime: new Date('2024-02-03T04:05:06Z') })) };
    });
    aws.on('ELBv2.DescribeTargetHealth', () => ({
      TargetHealthDescriptions: [{ Target: { Id: '10.0.1.5', Port: 8080 }, TargetHealth: { State: 'healthy' } }],
    }));
    const elb = new ElasticLoadBalancingV2Client({});
    const described = await elb.send(new DescribeLoadBalancersCommand({ Names: ['demo-dev', 'demo-dev-2'] }));
    expect(described.LoadBalancers?.map((lb) => lb.LoadBalancerName)).toEqual(['demo-dev', 'demo-dev-2']);
    expect(described.LoadBalancers?.[0].CreatedTime).toEqual(new Date('2024-02-03T04:05:06Z'));
    const health = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: 'arn:tg' }));
    expect(health.TargetHealthDescriptions?.[0].Target?.Port).toBe(8080);
    await expect(elb.send(new DescribeLoadBalancersCommand({ Names: ['missing'] }))).rejects.toBeInstanceOf(LoadBalancerNotFoundException);
  });

  test('an operation without a handler fails loudly, naming it, in either protocol', async () => {
    await expect(new ECSClient({}).send(new ListServicesCommand({ cluster: 'demo-dev' }))).rejects.toThrow(/No fake AWS handler for ECS\.ListServices/);
    await expect(new ElasticLoadBalancingV2Client({}).send(new DescribeListenersCommand({ LoadBalancerArn: 'arn:lb' })))
      .rejects.toThrow(/No fake AWS handler for ELBv2\.DescribeListeners/);
    expect(aws.unhandledCalls().map((call) => `${call.service}.${call.operation}`)).toEqual(['ECS.ListServices', 'ELBv2.DescribeListeners']);
    expect(() => aws.assertAllHandled()).toThrow(/ECS\.ListServices.*ELBv2\.DescribeListeners/);
  });
});
