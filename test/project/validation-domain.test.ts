import { problemsOf } from './support';
import { DeploymentStrategy, EnvironmentPreset, NatGateways } from '../../src/options';
import { PlatformOptions, resolvePlatformConfig } from '../../src/resolve/resolve';

const ZONE_ID = 'Z0123456789ABCDEFGHIJ';
const cert = 'arn:aws:acm:us-east-1:123456789012:certificate/0b6a3c1e-6a3f-4c1f-9a53-0a3d3b7f5e21';
const domain = { zoneName: 'example.com', zoneId: ZONE_ID };
const prod = { name: 'prod', preset: EnvironmentPreset.PRODUCTION };
const existingVpc = { vpcId: 'vpc-0123456789abcdef0', publicSubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'], privateSubnetIds: ['subnet-0123456789abcdef2', 'subnet-0123456789abcdef3'] };
const crossAccount = [{ name: 'dev', account: '111122223333' }, { ...prod, account: '444455556666' }];

test.each<[string, Partial<PlatformOptions>, string]>([
  // domain
  ['a domain without a zone', { domain: { zoneName: 'example.com' } }, 'domain: {"zoneName":"example.com"} needs zoneId (an existing hosted zone) or create: true'],
  ['a zone name that is no domain', { domain: { zoneName: 'Example', zoneId: ZONE_ID } }, 'domain.zoneName: "Example" is not a domain name'],
  ['a malformed zone id', { domain: { zoneName: 'example.com', zoneId: 'zone-1' } }, 'domain.zoneId: "zone-1" is not a hosted zone id'],
  ['an environment outside the zone', { domain, environments: [{ name: 'dev', domainName: 'dev.example.org' }] }, 'environments[0].domainName: "dev.example.org" is outside the zone example.com'],
  ['two environments on one name', { domain, environments: [{ name: 'dev', domainName: 'app.example.com' }, { name: 'test', domainName: 'app.example.com' }] },
    'environments[1].domainName: "app.example.com" is the domain of dev too'],
  ['a subdomain environment of a zone still to create', { domain: { zoneName: 'example.com', create: true }, environments: [{ name: 'dev' }, prod] },
    'domain.zoneId: undefined is required to delegate dev.example.com from example.com; deploy the environment that creates the zone'],
  ['a zone to create without an environment on its apex', { domain: { ...domain, create: true }, environments: [{ name: 'dev' }] },
    'domain.create: true needs exactly one environment on the apex example.com to create the zone in; none is'],
  ['a cross-account delegation without a role', { domain: { ...domain, zoneAccount: '444455556666' }, environments: crossAccount },
    'domain.delegationRoleArn: undefined is required: dev (account 111122223333) delegates dev.example.com in the zone of account 444455556666'],
  ['a delegation role of another account', { domain: { ...domain, zoneAccount: '444455556666', delegationRoleArn: 'arn:aws:iam::111122223333:role/dns' }, environments: crossAccount },
    'domain.delegationRoleArn: "arn:aws:iam::111122223333:role/dns" belongs to account 111122223333; expected a role of the zone\'s account 444455556666'],
  ['an apex environment outside the zone\'s account', { domain: { ...domain, zoneAccount: '444455556666', delegationRoleArn: 'arn:aws:iam::444455556666:role/dns' }, environments: [{ ...prod, account: '111122223333' }] },
    'environments[0].account: "111122223333" serves the apex of example.com, whose zone is in account 444455556666'],
  ['a certificate ARN next to the domain', { domain, loadBalancer: { certificateArn: cert } }, 'loadBalancer.certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0b6a3c1e-6a3f-4c1f-9a53-0a3d3b7f5e21" is not allowed with a domain'],
  ['static site domain names next to the domain', { domain, staticSite: { domainNames: ['www.example.com'] } }, 'staticSite.domainNames: ["www.example.com"] is not allowed with a domain; set staticSite.hostname instead'],
  ['host names without a domain', { services: [{ hostnames: ['api'] }] }, 'services[0].hostnames: ["api"] needs a domain'],
  ['a full name as host name', { domain, services: [{ hostnames: ['api.example.com.'] }] }, 'services[0].hostnames[0]: "api.example.com." is not a host name relative to the environment\'s domain'],
  ['a host header the certificate does not cover', { domain, services: [{ name: 'web' }, { name: 'api', routing: { hostHeaders: ['api.example.org'] } }] },
    'services[1].routing.hostHeaders[0]: "api.example.org" is not covered by the certificate of dev (dev.example.com, *.dev.example.com)'],
  ['more names than a certificate holds', { domain, services: [{ hostnames: Array.from({ length: 10 }, (_, i) => `v${i}.api`) }] },
    'domain.zoneName: "example.com" gives the load balancer\'s certificate of dev.example.com more than 10 names'],
  ['two services on one host name', { domain, services: [{ name: 'web', hostnames: ['api'] }, { name: 'api', hostnames: ['api'] }] },
    'services[1].hostnames[0]: "api" names api.dev.example.com, which is the host name of web already'],
  ['the static site on a service\'s host name', { domain, services: [{ name: 'web', hostnames: ['www'] }], staticSite: {} },
    'staticSite.hostname: "www" names www.dev.example.com, a host of the load balancer too'],
  ['a static site host name without a domain', { staticSite: { hostname: 'app' } }, 'staticSite.hostname: "app" needs a domain'],
  // HTTPS in production
  ['a production load balancer on plain HTTP', { environments: [prod] }, 'environments[0].preset: "production" needs HTTPS on the load balancer of prod'],
  ['an empty reason for plain HTTP', { environments: [prod], loadBalancer: { allowPlainHttp: ' ' } }, 'loadBalancer.allowPlainHttp: " " is empty; expected the reason plain HTTP is acceptable'],
  // IPv6
  ['IPv6 in an existing VPC', { network: { ipv6: true, existingVpc } }, 'network.ipv6: true is not possible with network.existingVpc'],
  // test listener
  ['a test listener range that is no IPv4 block', { deployment: { strategy: DeploymentStrategy.BLUE_GREEN, blueGreenTestListenerAllowedCidrs: ['::/0'] } },
    'deployment.blueGreenTestListenerAllowedCidrs[0]: "::/0" is not an IPv4 CIDR block'],
  ['a test listener in an existing VPC without ranges', { network: { existingVpc }, deployment: { strategy: DeploymentStrategy.BLUE_GREEN } },
    'deployment.blueGreenTestListenerAllowedCidrs: undefined is required in dev, which deploys into an existing VPC'],
  // retention
  ['a production retention CloudWatch does not offer', { environments: [{ ...prod, logRetentionDays: 366 }], loadBalancer: { allowPlainHttp: 'behind a TLS proxy' } },
    'environments[0].logRetentionDays: 366 is not a CloudWatch Logs retention'],
])('rejects %s', (_case, options, expected) => {
  expect(problemsOf(options)).toEqual([expect.stringContaining(expected)]);
});

test.each<[string, Partial<PlatformOptions>]>([
  ['a production environment on a domain', { domain, environments: [prod] }],
  ['a production environment with a certificate', { environments: [prod], loadBalancer: { certificateArn: cert } }],
  ['a production environment on plain HTTP for a stated reason', { environments: [prod], loadBalancer: { allowPlainHttp: 'TLS ends at the CDN in front' } }],
  ['a cross-account delegation through the zone account\'s role', { domain: { ...domain, zoneAccount: '444455556666', delegationRoleArn: 'arn:aws:iam::444455556666:role/dns' }, environments: crossAccount }],
  ['a host header under the domain', { domain, services: [{ name: 'web' }, { name: 'api', routing: { hostHeaders: ['api.dev.example.com'], pathPatterns: ['/v1/*'] } }] }],
  ['IPv6 without NAT gateways', { network: { ipv6: true, natGateways: NatGateways.NONE } }],
])('accepts %s', (_case, options) => {
  expect(problemsOf(options)).toEqual([]);
});

describe('resolved', () => {
  const resolve = (options: Partial<PlatformOptions>) => resolvePlatformConfig({ name: 'orders', ...options });

  test('production on the apex, other environments on a subdomain named after them, HTTPS and the redirect on', () => {
    const [dev, production] = resolve({ domain, environments: [{ name: 'dev' }, prod] }).environments;
    expect([dev.domain?.name, production.domain?.name]).toEqual(['dev.example.com', 'example.com']);
    expect([dev.loadBalancer.https, dev.loadBalancer.redirectHttpToHttps, dev.loadBalancer.certificateArn]).toEqual([true, true, undefined]);
  });

  test('an environment\'s own domain name wins', () => {
    const [env] = resolve({ domain, environments: [{ ...prod, domainName: 'shop.example.com' }] }).environments;
    expect(env.domain?.zone).toEqual({ kind: 'delegated', parentZoneId: ZONE_ID, forceDestroy: false });
  });

  test('a year of application, flow and audit logs in production, 30 days in development', () => {
    const [dev, production] = resolve({ domain, environments: [{ name: 'dev' }, prod] }).environments;
    expect([production.cluster.logRetentionDays, production.cluster.execLogRetentionDays]).toEqual([365, 365]);
    expect([dev.cluster.logRetentionDays, dev.cluster.execLogRetentionDays]).toEqual([30, 90]);
  });

  test('the production retention stays overridable', () => {
    const [env] = resolve({ domain, environments: [{ ...prod, logRetentionDays: 731 }] }).environments;
    expect(env.cluster.logRetentionDays).toBe(731);
  });

  test('the test listener admits the VPC by default, the option\'s ranges otherwise', () => {
    const blueGreen = { strategy: DeploymentStrategy.BLUE_GREEN };
    expect(resolve({ deployment: blueGreen }).environments[0].deployment.testListenerAllowedCidrs).toEqual(['10.0.0.0/16']);
    expect(resolve({ deployment: { ...blueGreen, blueGreenTestListenerAllowedCidrs: ['192.0.2.0/24'] } }).environments[0].deployment.testListenerAllowedCidrs)
      .toEqual(['192.0.2.0/24']);
  });
});
