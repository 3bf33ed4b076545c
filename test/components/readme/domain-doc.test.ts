import { renderServiceDoc } from '../../../src/components/readme/service-doc';
import { domainOptions } from '../../platform/dns/support';
import { configOf } from '../../platform/support/configs';

const doc = renderServiceDoc(configOf(domainOptions({ staticSite: {} })));
const rowOf = (environment: string) => doc.split('\n').find((line) => line.startsWith(`| ${environment} |`))!;

test('with a domain, the environments table gives each environment\'s https URL and host names', () => {
  expect(rowOf('dev')).toContain('https://dev.example.com (also https://billing.dev.example.com, https://www.dev.example.com); `npx projen status:dev`');
  expect(rowOf('prod')).toContain('https://example.com (also https://billing.example.com, https://www.example.com)');
});

test('the services list names a service\'s host names and the DNS resources', () => {
  expect(doc).toContain('- **billing**: port 8080, 0.25 vCPU and 512 MiB per task, behind the load balancer at https://billing.dev.example.com (in dev)');
  expect(doc).toContain('- **DNS**: Route 53 records of dev.example.com (its own zone, delegated from the parent zone) and ACM certificates validated by DNS');
});

test('the diagram labels CloudFront with the static site\'s host name', () => {
  expect(doc).toContain('www.dev.example.com');
});
