import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Component, Project } from 'projen';
import { GitHub } from 'projen/lib/github';
import { actionName, PINNED_ACTIONS, pinnedVersionOf } from './pinned-actions';

/** The line of a workflow step that references an action. */
const USES_LINE = /^(\s*(?:- )?uses: )([\w.-]+\/[\w./-]+@[0-9a-f]{40})\s*$/gm;

/**
 * Pins every GitHub Action the project's workflows use (projen's included) to the commit SHAs of
 * {@link PINNED_ACTIONS}, and writes each pin's release next to it (`uses: owner/repo@<sha> # vX.Y.Z`),
 * so a reviewer sees which release a SHA is.
 *
 * projen renders workflows from objects, which cannot carry YAML comments; the comments are added
 * to the written files. Components synthesize in the order they were added: add this one after
 * the workflows.
 */
export class ActionPinComments extends Component {
  constructor(project: Project) {
    super(project);
    const github = GitHub.of(project);
    for (const action of Object.values(PINNED_ACTIONS)) {
      github?.actions.set(actionName(action), action.uses);
    }
  }

  /** Adds the version comments to the written workflow files. */
  public synthesize(): void {
    const github = GitHub.of(this.project);
    for (const workflow of github?.workflows ?? []) {
      const path = workflow.file ? join(this.project.outdir, workflow.file.path) : undefined;
      if (path === undefined || !existsSync(path)) {
        continue;
      }
      const text = readFileSync(path, 'utf-8');
      const annotated = annotatePinnedActions(text);
      if (annotated !== text) {
        // projen writes generated files read-only.
        const mode = statSync(path).mode;
        chmodSync(path, 0o644);
        writeFileSync(path, annotated);
        chmodSync(path, mode);
      }
    }
  }
}

/** Appends `# <version>` to every `uses:` line that references one of the pinned SHAs. */
export function annotatePinnedActions(workflowYaml: string): string {
  return workflowYaml.replace(USES_LINE, (line, prefix: string, uses: string) => {
    const version = pinnedVersionOf(uses);
    return version === undefined ? line : `${prefix}${uses} # ${version}`;
  });
}
