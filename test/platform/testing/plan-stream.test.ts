import { parsePlanStream } from '../../../src/platform/testing';

const line = (message: object) => JSON.stringify(message);
const change = (addr: string, type: string, action: string, key: number | string | null = null) => line({
  type: 'planned_change',
  change: { action, resource: { addr, resource_type: type, resource_name: addr.split('.').pop(), resource_key: key } },
});

const stream = [
  line({ type: 'version', terraform: '1.11.4', ui: '1.2' }),
  change('aws_vpc.vpc', 'aws_vpc', 'create'),
  change('aws_subnet.private[0]', 'aws_subnet', 'replace', 0),
  change('data.aws_iam_policy_document.trust', 'aws_iam_policy_document', 'read'),
  line({ type: 'diagnostic', diagnostic: { severity: 'warning', summary: 'Deprecated argument' } }),
  line({ type: 'change_summary', changes: { add: 2, change: 0, remove: 1, operation: 'plan' } }),
].join('\n');

test('each planned change becomes a resource change with the actions terraform show would list', () => {
  const { plan } = parsePlanStream(stream);
  expect(plan.terraform_version).toBe('1.11.4');
  expect(plan.resource_changes.map((resource) => [resource.type, resource.change.actions])).toEqual([
    ['aws_vpc', ['create']],
    ['aws_subnet', ['delete', 'create']],
    ['aws_iam_policy_document', ['read']],
  ]);
});

test('data sources are told apart from managed resources, and instance keys are kept', () => {
  const { plan } = parsePlanStream(stream);
  expect(plan.resource_changes.map((resource) => resource.mode)).toEqual(['managed', 'managed', 'data']);
  expect(plan.resource_changes[1].index).toBe(0);
});

test('diagnostics are returned with their severity', () => {
  expect(parsePlanStream(stream).diagnostics).toEqual([{ severity: 'warning', summary: 'Deprecated argument' }]);
});
