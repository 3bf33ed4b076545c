import { Component, JsonFile, Task } from 'projen';
import { NodeProject } from 'projen/lib/javascript';

/**
 * Options of {@link CdktfApp}.
 */
export interface CdktfAppOptions {
  /** TypeScript entry point of the app, relative to the project root. */
  readonly entrypoint: string;
  /** Directory the app synthesizes into. */
  readonly outdir: string;
}

/**
 * The CDK for Terraform app: `cdktf.json` (for users of the cdktf CLI) and a `synth` task that
 * runs the app with node through tsx, without the cdktf CLI.
 */
export class CdktfApp extends Component {
  /** Synthesizes every stack into the output directory. */
  public readonly synthTask: Task;

  constructor(project: NodeProject, options: CdktfAppOptions) {
    super(project);
    project.addDevDeps('tsx@^4');
    const command = `tsx ${options.entrypoint}`;

    new JsonFile(project, 'cdktf.json', {
      obj: {
        language: 'typescript',
        app: `npx ${command}`,
        output: options.outdir,
        codeMakerOutput: '.gen',
        terraformProviders: [],
        terraformModules: [],
        context: {},
      },
    });

    this.synthTask = project.addTask('synth', {
      description: `Synthesizes the Terraform stacks into ${options.outdir}/stacks/<stack>`,
      exec: command,
    });
    project.gitignore.exclude(`${options.outdir}/`, '.gen/', '.terraform/', '*.tfstate', '*.tfstate.*', '*.tfplan');
  }
}
