import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { createServiceRepo, packPackage, PACKAGE_ROOT, runProjen } from './service-repo';

// Generates an example service repository from this checkout and builds it: compile, synthesize
// every stack, validate and plan each one offline with the real AWS provider.
//   usage: tsx test/e2e/generate-example.ts [directory]   (default: ./example)
const directory = resolve(PACKAGE_ROOT, process.argv[2] ?? 'example');
const packDir = mkdtempSync(join(tmpdir(), 'projen-cdktf-ecs-pack-'));
try {
  rmSync(directory, { recursive: true, force: true });
  const tarball = packPackage(packDir);
  console.log(`packed ${tarball}`);
  createServiceRepo(tarball, directory);
  console.log(`created ${directory}`);
  runProjen(directory, 'build');
  console.log(`built ${directory}: stacks in ${join(directory, 'cdktf.out', 'stacks')}`);
} finally {
  rmSync(packDir, { recursive: true, force: true });
}
