import { costReport } from '../../../src/platform/ops/cost';
import { configOf } from '../support/configs';

test('the cost report has a table per environment, headed by its name and region', () => {
  const report = costReport(configOf({ environments: [{ name: 'dev' }, { name: 'prod', region: 'eu-west-1' }] }));
  expect(report.split('\n').filter((line) => line.startsWith('## '))).toEqual(['## dev (us-east-1)', '## prod (eu-west-1)']);
});
