import { execFileSync } from 'child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'fs';
import { delimiter, join } from 'path';
import { QUIET_NPM } from './service-repo';
import { ActionContext, createFakeBin, createWorkflowRun, FakeAws, FakeBin, JobResult, runJob } from '../delivery/support';

/** The account of `dev` in the example organisation's defaults. */
export const ACME_DEV_ACCOUNT = '111122223333';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const FACTS = { sha: SHA, ref: 'refs/heads/main', repository: 'acme/orders' };

/** Runs the fleet workflows of a generated repository as GitHub would, against fakes. */
export interface FleetRunner {
  /** The recording fakes (terraform wrapping the real one offline, `gh`, docker). */
  readonly fakes: FakeBin;
  /** drift.yml: job `plan-dev`, then job `issues`. */
  runDrift(): Promise<{ plan: JobResult; issues: JobResult }>;
  /** template-upgrade.yml dispatched with `packages`: job `upgrade`, then job `pull-request`. */
  runTemplateUpgrade(packages: string): Promise<{ upgrade: JobResult; pullRequest: JobResult }>;
  /** A file of a branch pushed to the repository's origin. */
  pushed(branch: string, file: string): string;
  stop(): Promise<void>;
}

/**
 * Makes `repo` a Git repository with an origin (a bare repository in `workdir`), and starts the fakes
 * and a local AWS endpoint the workflows' jobs run against.
 */
export async function startFleetRunner(repo: string, workdir: string): Promise<FleetRunner> {
  const origin = join(workdir, 'origin.git');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf-8' });
  execFileSync('git', ['init', '--quiet', '--bare', origin]);
  git('init', '--quiet', '-b', 'main');
  git('remote', 'add', 'origin', origin);
  git('add', '--all');
  git('commit', '--quiet', '-m', 'projen new');
  const fakes = createFakeBin({ terraform: { repoDir: repo } });
  const aws = await FakeAws.start({ accountId: ACME_DEV_ACCOUNT });
  const env = { PATH: fakes.path(`${installedNpmBin(join(workdir, 'npm-bin'))}${delimiter}${process.env.PATH}`), ...aws.env('eu-west-1'), ...QUIET_NPM };
  const workflow = (name: string) => ({ workflowPath: join(repo, '.github', 'workflows', name), cwd: repo, run: createWorkflowRun(), facts: FACTS, env });
  return {
    fakes,
    async runDrift() {
      const common = { ...workflow('drift.yml'), event: 'schedule' };
      const plan = await runJob({ ...common, jobId: 'plan-dev' });
      const issues = await runJob({ ...common, jobId: 'issues', needs: { 'plan-dev': plan } });
      return { plan, issues };
    },
    async runTemplateUpgrade(packages: string) {
      // A template change to pick up: the managed docs as an older template wrote them.
      writeFileSync(join(repo, 'docs', 'SERVICE.md'), '# orders\n');
      git('commit', '--quiet', '--all', '-m', 'older template');
      const spec = `@acme/ecs-service@file:${packages}`;
      const common = { ...workflow('template-upgrade.yml'), event: { name: 'workflow_dispatch', payload: { inputs: { packages: spec } } }, inputs: { packages: spec } };
      const upgrade = await runJob({ ...common, jobId: 'upgrade' });
      // A fresh checkout of main for the job that writes.
      const freshCheckout = (ctx: ActionContext) => {
        execFileSync('git', ['checkout', '--quiet', '--force', 'main'], { cwd: ctx.workspace });
        execFileSync('git', ['clean', '--quiet', '-fd'], { cwd: ctx.workspace });
      };
      const pullRequest = await runJob({ ...common, jobId: 'pull-request', needs: { upgrade }, actions: { 'actions/checkout': freshCheckout } });
      return { upgrade, pullRequest };
    },
    pushed(branch: string, file: string) {
      return execFileSync('git', ['--git-dir', origin, 'show', `${branch}:${file}`], { encoding: 'utf-8' });
    },
    async stop() {
      await aws.stop();
      fakes.remove();
    },
  };
}

/**
 * An `npm` whose `ci` keeps the repository's installed dependencies (the build installed exactly the
 * lockfile; reinstalling the provider bindings in every job would take minutes) and which runs
 * every other command with the real npm.
 * @returns the directory holding it
 */
function installedNpmBin(dir: string): string {
  const realNpm = execFileSync('which', ['npm'], { encoding: 'utf-8' }).trim();
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'npm');
  writeFileSync(script, `#!/bin/sh\nif [ "$1" = ci ]; then echo "npm ci: dependencies already installed from the lockfile"; exit 0; fi\nexec ${JSON.stringify(realNpm)} "$@"\n`);
  chmodSync(script, 0o755);
  return dir;
}
