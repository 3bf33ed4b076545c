import { problemsOf } from './support';
import { AutoscalingMode, CapacityProvider, CpuArchitecture, EnvironmentPreset, NatGateways } from '../../src/options';
import { PlatformOptions } from '../../src/resolve/resolve';

const cert = 'arn:aws:acm:us-east-1:123456789012:certificate/0b6a3c1e-6a3f-4c1f-9a53-0a3d3b7f5e21';
const euCert = 'arn:aws:acm:eu-west-1:123456789012:certificate/0b6a3c1e-6a3f-4c1f-9a53-0a3d3b7f5e21';
const ec2 = { ec2Capacity: { instanceType: 't3.medium' } };
const twoServices = (second: object) => [{ name: 'web' }, { name: 'api', ...second }];

test.each<[string, Partial<PlatformOptions>, string]>([
  // network
  ['subnet CIDR outside the VPC', { network: { publicSubnetCidrs: ['10.1.0.0/24', '10.0.1.0/24'] } }, 'network.publicSubnetCidrs[0]: "10.1.0.0/24" is outside the VPC 10.0.0.0/16'],
  ['overlapping subnet CIDRs', { network: { privateSubnetCidrs: ['10.0.0.0/24', '10.0.200.0/24'] } }, 'network.privateSubnetCidrs[0]: "10.0.0.0/24" overlaps network.publicSubnetCidrs[0] "10.0.0.0/20"'],
  ['subnet CIDR smaller than /28', { network: { publicSubnetCidrs: ['10.0.0.0/29', '10.0.1.0/24'] } }, 'network.publicSubnetCidrs[0]: "10.0.0.0/29" is not allowed; expected an IPv4 network address with prefix length up to /28'],
  ['one subnet CIDR per zone', { network: { publicSubnetCidrs: ['10.0.0.0/24'] } }, 'network.publicSubnetCidrs: ["10.0.0.0/24"] has 1 blocks; expected one per availability zone (2)'],
  ['small VPC without subnet CIDRs', { network: { cidr: '10.0.0.0/25' } }, 'network.cidr: "10.0.0.0/25" is too small to carve /28 or larger subnets by default'],
  ['a single availability zone', { network: { availabilityZones: ['us-east-1a'] } }, 'network.availabilityZones: ["us-east-1a"] is not allowed; expected 2 to 8 availability zones'],
  ['zone of another region', { network: { availabilityZones: ['us-east-1a', 'eu-west-1b'] } }, 'network.availabilityZones[1]: "eu-west-1b" is not a zone of region us-east-1'],
  ['environment zones of the wrong region', { environments: [{ name: 'eu', region: 'eu-west-1', availabilityZones: ['us-east-1a', 'eu-west-1b'] }] }, 'environments[0].availabilityZones[0]: "us-east-1a" is not a zone of region eu-west-1'],
  ['environment VPC CIDR', { environments: [{ name: 'dev', vpcCidr: '10.0.0.0/8' }] }, 'environments[0].vpcCidr: "10.0.0.0/8" is not allowed'],
  ['no NAT and no endpoints', { network: { natGateways: NatGateways.NONE, vpcEndpoints: false } }, 'network.vpcEndpoints: false is false while natGateways is "none"'],
  ['existing VPC id', { network: { existingVpc: { vpcId: 'vpc-1', publicSubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'], privateSubnetIds: ['subnet-0123456789abcdef2', 'subnet-0123456789abcdef3'] } } }, 'network.existingVpc.vpcId: "vpc-1" is not a VPC id'],
  ['existing VPC with one private subnet', { network: { existingVpc: { vpcId: 'vpc-0123456789abcdef0', publicSubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'], privateSubnetIds: ['subnet-0123456789abcdef2'] } } }, 'network.existingVpc.privateSubnetIds: ["subnet-0123456789abcdef2"] is not allowed; expected subnets in at least two availability zones'],
  // cluster and capacity
  ['environment log retention', { environments: [{ name: 'dev', logRetentionDays: 10 }] }, 'environments[0].logRetentionDays: 10 is not a CloudWatch Logs retention'],
  ['Spot weights of zero', { cluster: { capacityProviderStrategy: [{ capacityProvider: CapacityProvider.FARGATE_SPOT, weight: 0 }] } }, 'cluster.capacityProviderStrategy: [{"capacityProvider":"FARGATE_SPOT","weight":0}] has a total weight of 0'],
  ['negative weight', { cluster: { capacityProviderStrategy: [{ capacityProvider: CapacityProvider.FARGATE, weight: -1 }] } }, 'cluster.capacityProviderStrategy[0].weight: -1 is not allowed; expected an integer from 0 to 1000'],
  ['two bases', { cluster: { capacityProviderStrategy: [{ capacityProvider: CapacityProvider.FARGATE, base: 1 }, { capacityProvider: CapacityProvider.FARGATE_SPOT, base: 1 }] } }, 'sets a base on more than one provider'],
  ['a provider twice', { cluster: { capacityProviderStrategy: [{ capacityProvider: CapacityProvider.FARGATE }, { capacityProvider: CapacityProvider.FARGATE }] } }, 'cluster.capacityProviderStrategy: ["FARGATE","FARGATE"] names a capacity provider twice'],
  ['EC2 mixed with Fargate', { cluster: { ...ec2, capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2 }, { capacityProvider: CapacityProvider.FARGATE }] } }, 'mixes EC2 with Fargate'],
  ['EC2 without EC2 capacity', { services: [{ capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2 }] }] }, 'services[0].capacityProviderStrategy: ["EC2"] uses EC2, but the cluster has no EC2 capacity'],
  ['ARM64 on an x86 instance type', { cluster: ec2, services: [{ cpuArchitecture: CpuArchitecture.ARM64, capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2 }] }] }, 'services[0].cpuArchitecture: "ARM64" does not match the EC2 instance type t3.medium (X86_64); use an ARM (Graviton'],
  ['instance type', { cluster: { ec2Capacity: { instanceType: 'large' } } }, 'cluster.ec2Capacity.instanceType: "large" is not an EC2 instance type'],
  ['EC2 max below min', { cluster: { ec2Capacity: { minSize: 3, maxSize: 2 } } }, 'cluster.ec2Capacity.maxSize: 2 is below minSize 3'],
  ['EC2 capacity on an existing cluster', { cluster: { existingClusterName: 'shared', ...ec2 } }, 'cluster.ec2Capacity: {"instanceType":"t3.medium"} cannot be added to an existing cluster'],
  ['capacity provider name prefix', { resourcePrefix: 'ecs-demo', cluster: ec2 }, 'gives the capacity provider name "ecs-demo-dev-ec2", and ECS rejects names starting with "aws", "ecs" or "fargate"'],
  // load balancer
  ['HTTPS redirect without a certificate', { loadBalancer: { redirectHttpToHttps: true } }, 'loadBalancer.redirectHttpToHttps: true needs HTTPS; set a domain or loadBalancer.certificateArn'],
  ['environment certificate of another region', { environments: [{ name: 'dev', certificateArn: euCert }] }, 'environments[0].certificateArn: "' + euCert + '" is not an ACM certificate ARN in us-east-1'],
  ['SNI certificates without a certificate', { loadBalancer: { additionalCertificateArns: [cert] } }, 'loadBalancer.additionalCertificateArns: ["' + cert + '"] needs loadBalancer.certificateArn'],
  ['same HTTP and HTTPS port', { loadBalancer: { certificateArn: cert, httpPort: 8443, httpsPort: 8443 } }, 'loadBalancer.httpsPort: 8443 is the HTTP listener\'s port too'],
  ['load balancer name starting with internal-', { resourcePrefix: 'internal-tools' }, 'gives the load balancer name "internal-tools-dev", and AWS rejects names starting with "internal-"'],
  ['access log retention', { loadBalancer: { accessLogRetentionDays: 0 } }, 'loadBalancer.accessLogRetentionDays: 0 is not allowed; expected an integer from 1 to 3650'],
  // services
  ['duplicate listener rule priority', { services: [{ name: 'web' }, { name: 'api', routing: { priority: 5 } }, { name: 'admin', routing: { priority: 5 } }] }, 'services[2].routing.priority: 5 is used by services[1] too'],
  ['shared load balancer without a rule', { services: twoServices({ routing: { hostHeaders: [], pathPatterns: [] } }) }, 'services[1].routing: {"hostHeaders":[],"pathPatterns":[]} has neither host headers nor path patterns'],
  ['bad host header', { services: twoServices({ routing: { hostHeaders: ['api example.com'] } }) }, 'services[1].routing.hostHeaders[0]: "api example.com" is not a host name pattern'],
  ['path pattern without slash', { services: twoServices({ routing: { pathPatterns: ['api/*'] } }) }, 'services[1].routing.pathPatterns[0]: "api/*" is not a path pattern'],
  ['too many rule conditions', { services: twoServices({ routing: { hostHeaders: ['a.example.com', 'b.example.com', 'c.example.com'], pathPatterns: ['/a', '/b', '/c'] } }) }, 'has 6 host headers and path patterns; a listener rule matches at most 5'],
  ['rule priority out of range', { services: twoServices({ routing: { priority: 50001 } }) }, 'services[1].routing.priority: 50001 is not allowed; expected an integer from 1 to 50000'],
  ['grace period shorter than the start period', { services: [{ healthCheckGracePeriodSeconds: 30, healthCheck: { command: ['CMD', 'true'], startPeriodSeconds: 90 } }] }, 'services[0].healthCheckGracePeriodSeconds: 30 is shorter than the container health check\'s start period (90 s)'],
  ['container health check command', { services: [{ healthCheck: { command: ['curl localhost'] } }] }, 'services[0].healthCheck.command: ["curl localhost"] is not allowed; expected ["CMD", "<executable>", ...args]'],
  ['health check timeout not below the interval', { services: [{ healthCheck: { command: ['CMD', 'true'], intervalSeconds: 10, timeoutSeconds: 10 } }] }, 'services[0].healthCheck.timeoutSeconds: 10 is not shorter than the interval (10 s)'],
  ['health check success codes', { services: [{ healthCheckSuccessCodes: '2xx' }] }, 'services[0].healthCheckSuccessCodes: "2xx" is not allowed'],
  ['secret reference', { services: [{ secrets: { DB_PASSWORD: 'db-password' } }] }, 'services[0].secrets.DB_PASSWORD: "db-password" is not a secret reference'],
  ['secret ARN of another service', { services: [{ secrets: { TOKEN: 'arn:aws:s3:::bucket/token' } }] }, 'services[0].secrets.TOKEN: "arn:aws:s3:::bucket/token" is not a secret reference'],
  ['secret that is also a variable', { services: [{ environment: { TOKEN: 'x' }, secrets: { TOKEN: '/orders/token' } }] }, 'services[0].secrets: "TOKEN" is also a plain environment variable'],
  ['secrets KMS key', { services: [{ secretsKmsKeyArn: 'alias/orders' }] }, 'services[0].secretsKmsKeyArn: "alias/orders" is not a KMS key ARN'],
  ['reverse proxy on the application port', { services: [{ containerPort: 80, reverseProxy: {} }] }, 'services[0].reverseProxy.port: 80 is the application\'s port too'],
  ['duplicate container name', { services: [{ name: 'web', sidecars: [{ name: 'web', image: 'busybox' }] }] }, 'services[0].sidecars[0].name: "web" is the name of another container of the task'],
  ['sidecar port taken', { services: [{ containerPort: 8080, sidecars: [{ name: 'agent', image: 'busybox', containerPort: 8080 }] }] }, 'services[0].sidecars[0].containerPort: 8080 is used by another container of the task'],
  ['empty command', { services: [{ command: [] }] }, 'services[0].command: [] is not allowed; expected a non-empty list of strings'],
  ['no load-balanced service', { services: [{ loadBalanced: false, serviceConnect: true }], cluster: { serviceConnect: true } }, 'services: ["orders"] has no load-balanced service'],
  ['backend without Service Connect', { services: twoServices({ loadBalanced: false, serviceConnect: false }) }, 'services[1].loadBalanced: false leaves the service unreachable'],
  ['Service Connect without a namespace', { services: [{ serviceConnect: true }] }, 'services[0].serviceConnect: true needs the cluster\'s Service Connect namespace'],
  ['requests per task on a backend', { services: twoServices({ loadBalanced: false, targetRequestsPerTask: 100 }) }, 'services[1].targetRequestsPerTask: 100 needs a load-balanced service'],
  ['step thresholds crossing', { services: [{ autoscalingMode: AutoscalingMode.STEP, stepScaling: { scaleOutCpuThreshold: 50, scaleInCpuThreshold: 60 } }] }, 'services[0].stepScaling.scaleInCpuThreshold: 60 is not below scaleOutCpuThreshold 50'],
  ['production with one task', { environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }], services: [{ desiredCount: 1 }], loadBalancer: { allowPlainHttp: 'test fixture without TLS' } }, 'services[0].desiredCount: 1 is below 2 in a production environment'],
  ['production environment minimum', { environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION, minCapacity: 1 }], loadBalancer: { allowPlainHttp: 'test fixture without TLS' } }, 'environments[0].minCapacity: 1 is below 2 in a production environment'],
  ['EC2 task memory', { cluster: { ...ec2, capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2 }] }, services: [{ memoryMiB: 64 }] }, 'services[0].memoryMiB: 64 is not allowed; expected an integer from 128 to 1048576'],
  // static site
  ['static site domain without certificate', { staticSite: { domainNames: ['www.example.com'] } }, 'staticSite.domainNames: ["www.example.com"] need a certificate'],
  ['static site certificate outside us-east-1', { staticSite: { certificateArn: euCert } }, 'staticSite.certificateArn: "' + euCert + '" is not an ACM certificate ARN in us-east-1'],
  ['static site domain name', { staticSite: { domainNames: ['www_example'], certificateArn: cert } }, 'staticSite.domainNames[0]: "www_example" is not a domain name'],
  // .projenrc.ts runs without a type-check pass: required fields may be missing at run time.
  ['existing VPC without subnets', { network: { existingVpc: { vpcId: 'vpc-0123456789abcdef0', privateSubnetIds: ['subnet-0123456789abcdef2', 'subnet-0123456789abcdef3'] } as never } }, 'network.existingVpc.publicSubnetIds: [] is not allowed; expected subnets in at least two availability zones'],
  ['container health check without a command', { services: [{ healthCheck: {} as never }] }, 'services[0].healthCheck.command: [] is not allowed; expected ["CMD", "<executable>", ...args]'],
  ['sidecar without a name', { services: [{ sidecars: [{ image: 'busybox' } as never] }] }, 'services[0].sidecars[0].name: undefined is not allowed; expected 2 to 32 lowercase letters'],
])('rejects %s', (_case, options, expected) => {
  expect(problemsOf(options)).toEqual([expect.stringContaining(expected)]);
});

test.each<[string, Partial<PlatformOptions>]>([
  ['seed 004 network: /25 VPC with explicit /27 subnets', { network: { cidr: '11.90.30.0/25', publicSubnetCidrs: ['11.90.30.0/27', '11.90.30.32/27'], privateSubnetCidrs: ['11.90.30.64/27', '11.90.30.96/27'] } }],
  ['ARM64 on Graviton EC2 capacity', { cluster: { ec2Capacity: { instanceType: 'm7g.large' } }, services: [{ cpuArchitecture: CpuArchitecture.ARM64, capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2 }] }] }],
  ['a backend reached through Service Connect', { services: twoServices({ loadBalanced: false }) }],
  ['HTTPS without the redirect', { loadBalancer: { certificateArn: cert, redirectHttpToHttps: false } }],
])('accepts %s', (_case, options) => {
  expect(problemsOf(options)).toEqual([]);
});
