import { DOMAIN_CONFIG, domainOptions, ZONE_ID } from './support';
import { EnvironmentPreset } from '../../../src/options';
import { estimateMonthlyCost } from '../../../src/platform/contract/cost/estimate';
import { configOf } from '../support/configs';
import { bodiesOf, onlyResource, refTo, synthEnvironment } from '../support/synth';

const dev = synthEnvironment(DOMAIN_CONFIG, 0).service;
const prod = synthEnvironment(DOMAIN_CONFIG, 1).service;
const records = (stack: typeof dev, type: string) => bodiesOf(stack, 'aws_route53_record').filter((record) => record.type === type);

describe('an environment on the apex of an existing zone', () => {
  test('creates no zone and writes its records into the zone by id', () => {
    expect(bodiesOf(prod, 'aws_route53_zone')).toEqual([]);
    expect(records(prod, 'A').map((record) => [record.name, record.zone_id])).toEqual([['example.com', ZONE_ID], ['billing.example.com', ZONE_ID]]);
  });

  test('aliases every host to the load balancer, answering only while it is healthy', () => {
    const loadBalancer = onlyResource(prod, 'aws_lb');
    expect(records(prod, 'A')[0].alias).toEqual({
      name: refTo(prod, 'aws_lb', loadBalancer, 'dns_name'),
      zone_id: refTo(prod, 'aws_lb', loadBalancer, 'zone_id'),
      evaluate_target_health: true,
    });
  });

  test('no AAAA records without IPv6: the load balancer has no IPv6 address', () => {
    expect(records(prod, 'AAAA')).toEqual([]);
  });

  test('outputs the https URL of the domain', () => {
    expect(prod.output?.service_url.value).toBe('https://example.com');
    expect(prod.output?.hosted_zone_id.value).toBe(ZONE_ID);
    expect(prod.output?.name_servers).toBeUndefined();
  });
});

describe('the load balancer certificate', () => {
  const certificate = onlyResource(prod, 'aws_acm_certificate');
  const validation = onlyResource(prod, 'aws_acm_certificate_validation');

  test('covers the domain and one label under it, validated by DNS', () => {
    expect([certificate.domain_name, certificate.subject_alternative_names, certificate.validation_method]).toEqual(['example.com', ['*.example.com'], 'DNS']);
    expect(certificate.lifecycle).toEqual({ create_before_destroy: true });
  });

  test('one validation record for the name and its wildcard, read from the certificate by domain name', () => {
    const validationRecords = bodiesOf(prod, 'aws_route53_record').filter((candidate) => String(candidate.type).includes('domain_validation_options'));
    expect(validationRecords).toHaveLength(1);
    const [record] = validationRecords;
    expect(record.type).toContain(`${refTo(prod, 'aws_acm_certificate', certificate, 'domain_validation_options').slice(2, -1)} : option.resource_record_type`);
    expect(record).toEqual(expect.objectContaining({ zone_id: ZONE_ID, ttl: 60, allow_overwrite: true }));
    expect(record.name).toContain('option.resource_record_name if option.domain_name == "example.com"');
    expect(validation.validation_record_fqdns).toHaveLength(1);
    expect(validation.certificate_arn).toBe(refTo(prod, 'aws_acm_certificate', certificate, 'arn'));
  });

  test('the HTTPS listener serves it once validated, and HTTP redirects', () => {
    const listeners = bodiesOf(prod, 'aws_lb_listener');
    const https = listeners.find((listener) => listener.protocol === 'HTTPS')!;
    expect(https.certificate_arn).toBe(refTo(prod, 'aws_acm_certificate_validation', validation, 'certificate_arn'));
    expect(listeners.find((listener) => listener.protocol === 'HTTP')!.default_action[0].type).toBe('redirect');
  });
});

describe('service host names', () => {
  test('route to the service by a host-header rule on the HTTPS listener', () => {
    const rule = onlyResource(dev, 'aws_lb_listener_rule');
    expect(rule.condition).toEqual([{ host_header: { values: ['billing.dev.example.com'] } }]);
    const https = bodiesOf(dev, 'aws_lb_listener').find((listener) => listener.protocol === 'HTTPS')!;
    expect(rule.listener_arn).toBe(refTo(dev, 'aws_lb_listener', https, 'arn'));
  });

  test('a name two labels deep gets its own certificate name (the wildcard covers one)', () => {
    const config = configOf(domainOptions({ services: [{ name: 'orders', hostnames: ['v2.api'] }] }));
    const certificate = onlyResource(synthEnvironment(config, 0).service, 'aws_acm_certificate');
    expect(certificate.subject_alternative_names).toEqual(['*.dev.example.com', 'v2.api.dev.example.com']);
  });
});

describe('a subdomain environment in the zone\'s account', () => {
  const zone = onlyResource(dev, 'aws_route53_zone');

  test('gets a zone of its own, destroyed with its records in development', () => {
    expect([zone.name, zone.force_destroy]).toEqual(['dev.example.com', true]);
    expect(records(dev, 'A').map((record) => record.zone_id)).toEqual([refTo(dev, 'aws_route53_zone', zone, 'zone_id'), refTo(dev, 'aws_route53_zone', zone, 'zone_id')]);
  });

  test('delegates it from the parent zone with the stack\'s own provider', () => {
    expect(records(dev, 'NS')).toEqual([{
      zone_id: ZONE_ID, name: 'dev.example.com', type: 'NS', ttl: 172800, records: refTo(dev, 'aws_route53_zone', zone, 'name_servers'),
    }]);
  });

  test('outputs its name servers and the https URL of its name', () => {
    expect(dev.output?.name_servers.value).toBe(refTo(dev, 'aws_route53_zone', zone, 'name_servers'));
    expect(dev.output?.service_url.value).toBe('https://dev.example.com');
  });
});

test('a subdomain environment in another account writes its delegation through the delegation role', () => {
  const config = configOf(domainOptions({
    domain: { zoneName: 'example.com', zoneId: ZONE_ID, zoneAccount: '444455556666', delegationRoleArn: 'arn:aws:iam::444455556666:role/dns-delegation' },
    environments: [{ name: 'dev', account: '111122223333' }, { name: 'prod', account: '444455556666', preset: EnvironmentPreset.PRODUCTION }],
  }));
  const stack = synthEnvironment(config, 0).service;
  const provider = stack.provider!.aws.find((candidate) => candidate.alias === 'dns_delegation')!;
  expect(provider.assume_role).toEqual([{ role_arn: 'arn:aws:iam::444455556666:role/dns-delegation', session_name: 'dns-delegation' }]);
  expect(records(stack, 'NS')[0].provider).toBe('aws.dns_delegation');
  expect(synthEnvironment(config, 1).service.provider!.aws.some((candidate) => candidate.alias === 'dns_delegation')).toBe(false);
});

test('a zone to create is created in the stack of the environment on its apex, kept in production', () => {
  const config = configOf(domainOptions({ domain: { zoneName: 'example.com', create: true }, environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }] }));
  const stack = synthEnvironment(config, 0).service;
  const zone = onlyResource(stack, 'aws_route53_zone');
  expect([zone.name, zone.force_destroy]).toEqual(['example.com', false]);
  expect(records(stack, 'NS')).toEqual([]);
  expect(stack.output?.name_servers.value).toBe(refTo(stack, 'aws_route53_zone', zone, 'name_servers'));
});

describe('a static site on the domain', () => {
  const config = configOf(domainOptions({ staticSite: {} }));
  const stack = synthEnvironment(config, 0).service;
  const certificate = bodiesOf(stack, 'aws_acm_certificate').find((candidate) => candidate.domain_name === 'www.dev.example.com')!;
  const distribution = onlyResource(stack, 'aws_cloudfront_distribution');

  test('gets its certificate in us-east-1 through a second provider', () => {
    const provider = stack.provider!.aws.find((candidate) => candidate.alias === 'us_east_1')!;
    expect(provider.region).toBe('us-east-1');
    expect(certificate.provider).toBe('aws.us_east_1');
    const validation = bodiesOf(stack, 'aws_acm_certificate_validation').find((candidate) => candidate.provider === 'aws.us_east_1')!;
    expect(distribution.viewer_certificate.acm_certificate_arn).toBe(refTo(stack, 'aws_acm_certificate_validation', validation, 'certificate_arn'));
  });

  test('serves www under the environment\'s domain, with A and AAAA aliases to the distribution', () => {
    expect(distribution.aliases).toEqual(['www.dev.example.com']);
    const aliases = bodiesOf(stack, 'aws_route53_record').filter((record) => record.name === 'www.dev.example.com');
    expect(aliases.map((record) => [record.type, record.alias.zone_id])).toEqual([
      ['A', refTo(stack, 'aws_cloudfront_distribution', distribution, 'hosted_zone_id')],
      ['AAAA', refTo(stack, 'aws_cloudfront_distribution', distribution, 'hosted_zone_id')],
    ]);
    expect(stack.output?.static_site_url.value).toBe('https://www.dev.example.com');
  });
});

test('with IPv6, the load balancer\'s hosts get AAAA records too', () => {
  const stack = synthEnvironment(configOf(domainOptions({ network: { ipv6: true } })), 0).service;
  expect(records(stack, 'AAAA').map((record) => record.name)).toEqual(['dev.example.com', 'billing.dev.example.com']);
});

test('a zone the stack creates costs its monthly Route 53 price; writing into an existing one costs nothing more', () => {
  const [devCost, prodCost] = DOMAIN_CONFIG.environments.map((environment) => estimateMonthlyCost(environment).lineItems.filter((item) => item.what.startsWith('Route 53')));
  expect(devCost).toEqual([expect.objectContaining({ quantity: 1, unitPrice: 0.5, monthly: 0.5 })]);
  expect(prodCost).toEqual([]);
});
