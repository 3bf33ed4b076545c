import { cpSync, existsSync, mkdirSync, readdirSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import { matchesName, matchFiles, searchRoot } from './glob';
import type { ActionContext } from '../runner/action-context';

/**
 * `actions/upload-artifact` (v4): copies the files `path` matches into the run's artifact store
 * under `name`, relative to the least common ancestor of the search paths; hidden files only with
 * `include-hidden-files`; `if-no-files-found` (`warn`, `error`, `ignore`) honoured. An artifact
 * name can be uploaded once per run, as on GitHub.
 */
export function uploadArtifact(context: ActionContext): void {
  const name = context.inputs.name || 'artifact';
  const patterns = lines(context.inputs.path);
  if (patterns.length === 0) {
    throw new Error('upload-artifact: the path input is required');
  }
  const target = join(context.run.artifactsDir, name);
  if (existsSync(target) && context.inputs.overwrite !== 'true') {
    throw new Error(`upload-artifact: an artifact named "${name}" already exists in this run`);
  }
  const root = commonAncestor(patterns.filter((pattern) => !pattern.startsWith('!')).map((pattern) => searchRoot(pattern, context.workspace)));
  const includeHidden = context.inputs['include-hidden-files'] === 'true';
  const files = matchFiles(patterns, context.workspace)
    .filter((file) => includeHidden || !relative(root, file).split(sep).some((part) => part.startsWith('.')));
  if (files.length === 0) {
    const behaviour = context.inputs['if-no-files-found'] || 'warn';
    if (behaviour === 'error') {
      throw new Error(`upload-artifact: no files were found with the provided path: ${patterns.join(', ')}`);
    }
    context.log(`No files were found with the provided path: ${patterns.join(', ')}. No artifacts will be uploaded.`);
    return;
  }
  for (const file of files) {
    const destination = join(target, relative(root, file));
    mkdirSync(dirname(destination), { recursive: true });
    cpSync(file, destination);
  }
  context.setOutput('artifact-id', String(readdirSync(context.run.artifactsDir).length));
  context.setOutput('artifact-url', `https://github.com/${String(context.github.repository)}/actions/runs/${context.run.runId}/artifacts/${name}`);
  context.log(`Uploaded ${files.length} file(s) as artifact ${name}`);
}

/**
 * `actions/download-artifact` (v4): with `name`, that artifact into `path`; without, every artifact
 * (or those whose name matches `pattern`) into `path/<name>/`, or all into `path` with
 * `merge-multiple: true`. `path` defaults to the workspace.
 */
export function downloadArtifact(context: ActionContext): void {
  const destination = resolve(context.workspace, context.inputs.path || '.');
  const available = existsSync(context.run.artifactsDir) ? readdirSync(context.run.artifactsDir).sort() : [];
  const name = context.inputs.name;
  if (name) {
    if (!available.includes(name)) {
      throw new Error(`download-artifact: Artifact not found for name: ${name} (this run has: ${available.join(', ') || 'none'})`);
    }
    copyArtifact(context, name, destination);
  } else {
    const pattern = context.inputs.pattern;
    const chosen = available.filter((candidate) => !pattern || matchesName(candidate, pattern));
    const merge = context.inputs['merge-multiple'] === 'true';
    for (const artifact of chosen) {
      copyArtifact(context, artifact, merge ? destination : join(destination, artifact));
    }
  }
  context.setOutput('download-path', destination);
}

function copyArtifact(context: ActionContext, name: string, destination: string): void {
  mkdirSync(destination, { recursive: true });
  cpSync(join(context.run.artifactsDir, name), destination, { recursive: true });
  context.log(`Downloaded artifact ${name} to ${destination}`);
}

function lines(value: string | undefined): string[] {
  return (value ?? '').split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

function commonAncestor(dirs: string[]): string {
  const split = dirs.map((dir) => dir.split(sep));
  const shared: string[] = [];
  for (let index = 0; split.every((parts) => index < parts.length && parts[index] === split[0][index]); index++) {
    shared.push(split[0][index]);
  }
  return shared.join(sep) || sep;
}
