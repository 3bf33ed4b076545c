import { createRequire } from 'module';
import { join } from 'path';
import type { ActionContext } from '../runner/action-context';

type AsyncScript = (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => AsyncScript;

/**
 * `actions/github-script`: runs `script` as the body of an async function receiving `github` (the
 * run's {@link FakeGitHubApi}), `context`, `core`, `require` (resolving from the workspace) and
 * `process` (whose `env` is the step's environment). The returned value becomes the `result`
 * output (JSON unless `result-encoding: string`); `core.setFailed` or a throw fails the step.
 */
export async function githubScript(context: ActionContext): Promise<void> {
  const script = context.inputs.script;
  if (!script) {
    throw new Error('github-script: the script input is required');
  }
  let failure: string | undefined;
  const summaryParts: string[] = [];
  const core = {
    setOutput: (name: string, value: unknown) => context.setOutput(name, typeof value === 'string' ? value : JSON.stringify(value)),
    exportVariable: (name: string, value: unknown) => context.exportVariable(name, String(value)),
    addPath: (dir: string) => context.addPath(dir),
    setFailed: (message: string | Error) => {
      failure = message instanceof Error ? message.message : message;
    },
    getInput: (name: string) => context.env[`INPUT_${name.toUpperCase().replace(/ /g, '_')}`] ?? '',
    info: (message: string) => context.log(message),
    debug: (message: string) => context.log(`::debug::${message}`),
    notice: (message: string) => context.log(`::notice::${message}`),
    warning: (message: string) => context.log(`::warning::${message}`),
    error: (message: string) => context.log(`::error::${message}`),
    summary: {
      addRaw(text: string, addEol = false) {
        summaryParts.push(addEol ? `${text}\n` : text);
        return this;
      },
      addHeading(text: string, level = 1) {
        summaryParts.push(`<h${level}>${text}</h${level}>\n`);
        return this;
      },
      async write() {
        context.appendSummary(summaryParts.splice(0).join(''));
        return this;
      },
    },
  };
  const github = context.github;
  const payload = github.event as Record<string, unknown>;
  const [owner, repo] = String(github.repository).split('/');
  const numbered = (key: string) => (payload[key] as { number?: number } | undefined)?.number;
  const issueNumber = numbered('pull_request') ?? numbered('issue') ?? payload.number;
  const scriptContext = {
    payload,
    eventName: github.event_name,
    sha: github.sha,
    ref: github.ref,
    workflow: github.workflow,
    job: github.job,
    actor: github.actor,
    runId: Number(github.run_id),
    runNumber: Number(github.run_number),
    repo: { owner, repo },
    issue: { owner, repo, number: issueNumber },
    serverUrl: github.server_url,
    apiUrl: github.api_url,
  };
  const scopedProcess = Object.assign(Object.create(process) as NodeJS.Process, { env: { ...context.env } });
  const scriptRequire = createRequire(join(context.workspace, 'github-script.js'));
  const run = new AsyncFunction('github', 'context', 'core', 'require', 'process', 'exec', 'glob', 'io', script);
  const result = await run(context.run.githubApi.client(), scriptContext, core, scriptRequire, scopedProcess, unsupported('exec'), unsupported('glob'), unsupported('io'));
  if (failure !== undefined) {
    throw new Error(failure);
  }
  const encoded = context.inputs['result-encoding'] === 'string' ? String(result ?? '') : JSON.stringify(result ?? null);
  context.setOutput('result', encoded === 'null' && result === undefined ? '' : encoded);
}

function unsupported(name: string): Record<string, unknown> {
  return new Proxy({}, {
    get(_, property) {
      throw new Error(`github-script: ${name}.${String(property)} is not supported by the fake`);
    },
  });
}
