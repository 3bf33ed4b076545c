import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { estimateMonthlyCost } from '../../../src/platform/contract/cost';
import { costDelta, readGeneratedConfig } from '../../../src/platform/ops/cost';
import { configOf } from '../support/configs';

const base = configOf({ services: [{ name: 'orders' }] });
const head = configOf({ services: [{ name: 'orders', desiredCount: 3 }] });

test('a change of the estimate is a table of base, head and delta per environment', () => {
  const before = estimateMonthlyCost(base.environments[0]).total;
  const after = estimateMonthlyCost(head.environments[0]).total;
  expect(after).toBeGreaterThan(before);
  expect(costDelta(base, head)).toContain(`| dev | ${before.toFixed(2)} | ${after.toFixed(2)} | +${(after - before).toFixed(2)} |`);
});

test('no change, no table', () => {
  expect(costDelta(base, base)).toBeUndefined();
});

test('the base configuration is read from its config.generated.ts', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cost-')), 'config.generated.ts');
  writeFileSync(file, `import type { PlatformConfig } from './platform/contract/config';\n\nexport const config: PlatformConfig = ${JSON.stringify(base, undefined, 2)};\n`);
  expect(readGeneratedConfig(file)).toEqual(base);
});
