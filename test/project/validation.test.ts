import { problemsOf, projectOptions } from './support';
import { EcsServiceProject } from '../../src';
import { NatGateways } from '../../src/options';
import { PlatformOptions, resolvePlatformConfig } from '../../src/resolve/resolve';

const cert = 'arn:aws:acm:us-east-1:123456789012:certificate/0b6a3c1e-6a3f-4c1f-9a53-0a3d3b7f5e21';

test.each<[string, Partial<PlatformOptions>, string]>([
  ['project name without letters', { name: '1234' }, 'name: "1234" gives no usable resource prefix'],
  ['resource prefix with upper case', { resourcePrefix: 'Orders' }, 'resourcePrefix: "Orders" is not allowed; expected 2 to 20 lowercase letters'],
  ['resource prefix too long', { resourcePrefix: 'a'.repeat(21) }, `resourcePrefix: "${'a'.repeat(21)}" is not allowed`],
  ['unknown region', { region: 'mars-1' }, 'region: "mars-1" is not an AWS region; expected a region such as "us-east-1" or "eu-west-1"'],
  ['region that does not exist', { region: 'eu-west-9' }, 'region: "eu-west-9" is not an AWS region; did you mean eu-west-1?'],
  ['environment region', { environments: [{ name: 'dev', region: 'useast1' }] }, 'environments[0].region: "useast1" is not an AWS region; did you mean us-east-1?'],
  ['no environments', { environments: [] }, 'environments: [] is empty; at least one environment is required'],
  ['environment name with hyphen', { environments: [{ name: 'my-dev' }] }, 'environments[0].name: "my-dev" is not allowed; expected 1 to 12 lowercase letters or digits'],
  ['environment name too long', { environments: [{ name: 'developmentxyz' }] }, 'environments[0].name: "developmentxyz" is not allowed'],
  ['duplicate environment', { environments: [{ name: 'dev' }, { name: 'dev' }] }, 'environments[1].name: "dev" is used by another environment'],
  ['account id', { environments: [{ name: 'dev', account: '1234' }] }, 'environments[0].account: "1234" is not an AWS account id; expected 12 digits'],
  ['CIDR with bad octet', { network: { cidr: '10.0.300.0/16' } }, 'network.cidr: "10.0.300.0/16" is not allowed; expected an IPv4 network address with prefix length /16 to /28'],
  ['CIDR with host bits', { network: { cidr: '10.0.0.1/16' } }, 'network.cidr: "10.0.0.1/16" is not allowed'],
  ['CIDR too small', { network: { cidr: '10.0.0.0/29' } }, 'network.cidr: "10.0.0.0/29" is not allowed'],
  ['CIDR too large', { network: { cidr: '10.0.0.0/8' } }, 'network.cidr: "10.0.0.0/8" is not allowed'],
  ['one availability zone', { network: { availabilityZones: ['us-east-1a'] } }, 'network.availabilityZones: ["us-east-1a"] is not allowed; expected 2 to 8 availability zones'],
  ['zone of another region', { network: { availabilityZones: ['us-east-1a', 'eu-west-1b'] } }, 'network.availabilityZones[1]: "eu-west-1b" is not a zone of region us-east-1'],
  ['duplicate zone', { network: { availabilityZones: ['us-east-1a', 'us-east-1a'] } }, 'lists a zone twice'],
  ['NAT mode', { network: { natGateways: 'two' as NatGateways } }, 'network.natGateways: "two" is not allowed; expected one of NatGateways.PER_AZ ("per-az"), NatGateways.SINGLE ("single"), NatGateways.NONE ("none")'],
  ['log retention', { cluster: { logRetentionDays: 10 } }, 'cluster.logRetentionDays: 10 is not a CloudWatch Logs retention; expected one of 1, 3, 5, 7, 14, 30'],
  ['ECR images kept', { cluster: { ecrKeepImages: 0 } }, 'cluster.ecrKeepImages: 0 is not allowed; expected an integer from 1 to 10000'],
  ['certificate ARN', { loadBalancer: { certificateArn: 'arn:aws:iam::123456789012:server-certificate/x' } }, 'loadBalancer.certificateArn: "arn:aws:iam::123456789012:server-certificate/x" is not an ACM certificate ARN in us-east-1'],
  ['certificate in another region', { loadBalancer: { certificateArn: cert.replace('us-east-1', 'eu-west-1') } }, 'is not an ACM certificate ARN in us-east-1'],
  ['allowed CIDR', { loadBalancer: { allowedCidrs: ['203.0.113.0/33'] } }, 'loadBalancer.allowedCidrs[0]: "203.0.113.0/33" is not an IPv4 CIDR block'],
  ['no allowed CIDR', { loadBalancer: { allowedCidrs: [] } }, 'loadBalancer.allowedCidrs: [] is not allowed; expected 1 to 50 IPv4 CIDR blocks'],
  ['TLS policy', { loadBalancer: { sslPolicy: 'ELBSecurityPolicy-2016-08' } }, 'loadBalancer.sslPolicy: "ELBSecurityPolicy-2016-08" is not allowed; expected a TLS 1.3 policy'],
  ['idle timeout', { loadBalancer: { idleTimeoutSeconds: 0 } }, 'loadBalancer.idleTimeoutSeconds: 0 is not allowed; expected an integer from 1 to 4000'],
  ['no services', { services: [] }, 'services: [] is empty; at least one service is required'],
  ['service name', { services: [{ name: 'Web_API' }] }, 'services[0].name: "Web_API" is not allowed'],
  ['duplicate service', { services: [{ name: 'web' }, { name: 'web' }] }, 'services[1].name: "web" is used by another service'],
  ['port zero', { services: [{ containerPort: 0 }] }, 'services[0].containerPort: 0 is not allowed; expected an integer from 1 to 65535'],
  ['port too high', { services: [{ containerPort: 70000 }] }, 'services[0].containerPort: 70000 is not allowed'],
  ['fractional port', { services: [{ containerPort: 80.5 }] }, 'services[0].containerPort: 80.5 is not allowed'],
  ['CPU value', { services: [{ cpu: 300 }] }, 'services[0].cpu: 300 is not a Fargate CPU value; expected one of 256, 512, 1024, 2048, 4096, 8192, 16384'],
  ['memory for 0.25 vCPU', { services: [{ cpu: 256, memoryMiB: 4096 }] }, 'services[0].memoryMiB: 4096 is not a Fargate memory size for cpu 256; expected 512, 1024, 2048'],
  ['memory for 1 vCPU', { services: [{ cpu: 1024, memoryMiB: 1024 }] }, 'services[0].memoryMiB: 1024 is not a Fargate memory size for cpu 1024; expected 2048 to 8192 in steps of 1024'],
  ['negative desired count', { services: [{ desiredCount: -1 }] }, 'services[0].desiredCount: -1 is not allowed; expected an integer from 0 to 1000'],
  ['desired count above max', { services: [{ desiredCount: 5, maxCapacity: 3 }] }, 'services[0].maxCapacity: 3 is below the minimum capacity 5'],
  ['desired count below min', { services: [{ desiredCount: 1, minCapacity: 2 }] }, 'services[0].desiredCount: 1 is outside the autoscaling range; expected 2 to 8'],
  ['CPU target', { services: [{ targetCpuUtilization: 100 }] }, 'services[0].targetCpuUtilization: 100 is not allowed; expected an integer from 10 to 95'],
  ['health path', { services: [{ healthCheckPath: 'health' }] }, 'services[0].healthCheckPath: "health" is not allowed; expected an HTTP path starting with "/"'],
  ['stop timeout', { services: [{ stopTimeoutSeconds: 300 }] }, 'services[0].stopTimeoutSeconds: 300 is not allowed; expected an integer from 2 to 120'],
  ['deregistration delay', { services: [{ deregistrationDelaySeconds: 4000 }] }, 'services[0].deregistrationDelaySeconds: 4000 is not allowed; expected an integer from 0 to 3600'],
  ['environment variable name', { services: [{ environment: { 'MY-VAR': 'x' } }] }, 'services[0].environment: "MY-VAR" is not a valid environment variable name'],
  ['image with spaces', { services: [{ image: 'nginx latest' }] }, 'services[0].image: "nginx latest" is not an image reference'],
  ['state bucket', { terraformState: { bucket: 'My_Bucket' } }, 'terraformState.bucket: "My_Bucket" is not a valid S3 bucket name'],
  ['state key prefix', { terraformState: { bucket: 'acme-state', keyPrefix: '/orders/' } }, 'terraformState.keyPrefix: "/orders/" is not allowed'],
])('rejects %s', (_case, options, expected) => {
  expect(problemsOf(options)).toEqual([expect.stringContaining(expected)]);
});

test('reports every problem at once, one line each', () => {
  const problems = problemsOf({ region: 'nowhere', services: [{ containerPort: 0, cpu: 300 }] });
  expect(problems).toHaveLength(3);
});

test('the project refuses invalid options with the option path, the value and what is allowed', () => {
  expect(() => new EcsServiceProject(projectOptions({ services: [{ cpu: 256, memoryMiB: 4096 }] }))).toThrow(
    'services[0].memoryMiB: 4096 is not a Fargate memory size for cpu 256; expected 512, 1024, 2048',
  );
});

test('the error carries no stack trace into the resolver', () => {
  try {
    resolvePlatformConfig({ name: 'orders', region: 'nowhere' });
    throw new Error('expected an InvalidOptionsError');
  } catch (error) {
    expect((error as Error).stack).not.toMatch(/\n\s+at /);
  }
});

test('valid options pass', () => {
  expect(problemsOf({ loadBalancer: { certificateArn: cert }, environments: [{ name: 'dev', account: '123456789012' }] })).toEqual([]);
});
