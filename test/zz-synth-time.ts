import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_CONFIG } from './platform/support/configs';
const t0 = Date.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { synthPlatform } = require('../src/platform/testing/synth');
const t1 = Date.now();
synthPlatform(DEFAULT_CONFIG, mkdtempSync(join(tmpdir(), 'synth-')));
const t2 = Date.now();
console.log(`import ${t1 - t0} ms, synth ${t2 - t1} ms`);
