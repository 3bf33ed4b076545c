import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { createServiceRepo, packPackage, runProjen } from '../../e2e/service-repo';

/** The AWS account of the deployable repository's `dev` environment. */
export const DEV_ACCOUNT = '111122223333';

/** What the deployable repository's `.projenrc.ts` adds to the generated options. */
const DEPLOYMENT_OPTIONS = `
  region: 'us-east-1',
  environments: [{ name: 'dev', account: '${DEV_ACCOUNT}' }],
  terraformState: { bucket: 'orders-terraform-state' },
  deployment: { repository: 'acme/orders' },`;

/**
 * Packs this package, creates a service repository from it with `projen new --from` as a user
 * would, and gives it what a deploy needs (an account, a state bucket, a GitHub repository) in
 * `.projenrc.ts`, then regenerates it with `npx projen` and compiles it.
 *
 * @returns the tarball the repository depends on (keep it until the repository is no longer used)
 */
export function createDeployableRepo(workdir: string, repo: string): string {
  const tarball = packPackage(join(workdir, 'pack'));
  createServiceRepo(tarball, repo);
  const projenrc = join(repo, '.projenrc.ts');
  const source = readFileSync(projenrc, 'utf-8');
  if (!source.includes('new EcsServiceProject({')) {
    throw new Error(`${projenrc} does not create an EcsServiceProject:\n${source}`);
  }
  writeFileSync(projenrc, source.replace('new EcsServiceProject({', `new EcsServiceProject({${DEPLOYMENT_OPTIONS}`));
  runProjen(repo);
  // The terraform wrapper of the tests loads the repository's compiled offline harness.
  runProjen(repo, 'compile');
  return tarball;
}
