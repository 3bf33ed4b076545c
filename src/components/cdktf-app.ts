import { Component, JsonFile, Task } from 'projen';
import { NodeProject } from 'projen/lib/javascript';

/**
 * Options of {@link CdktfApp}.
 */
export interface CdktfAppOptions {
  /** TypeScript entry point of the app, relative to the project root. */
  readonly entrypoint: string;
  /** The entry point compiled to JavaScript, relative to the project root. */
  readonly compiledEntrypoint: string;
  /** Directory the app synthesizes into. */
  readonly outdir: string;
}

/**
 * The CDK for Terraform app, run with plain node and without the cdktf CLI:
 * - `synth:app` runs the compiled app (half a second, against about three times that through a
 *   TypeScript loader);
 * - `synth` compiles first, for use after editing the sources;
 * - `cdktf.json` lets users of the cdktf CLI run the TypeScript entry point directly.
 */
export class CdktfApp extends Component {
  /** Compiles, then synthesizes every stack into the output directory. */
  public readonly synthTask: Task;
  /** Synthesizes every stack from the compiled app. */
  public readonly synthCompiledTask: Task;

  constructor(project: NodeProject, options: CdktfAppOptions) {
    super(project);
    project.addDevDeps('tsx@^4');

    new JsonFile(project, 'cdktf.json', {
      obj: {
        language: 'typescript',
        app: `npx tsx ${options.entrypoint}`,
        output: options.outdir,
        codeMakerOutput: '.gen',
        terraformProviders: [],
        terraformModules: [],
        context: {},
      },
    });

    this.synthCompiledTask = project.addTask('synth:app', {
      description: `Synthesizes the Terraform stacks into ${options.outdir}/stacks/<stack> from the compiled app`,
      exec: `node ${options.compiledEntrypoint}`,
    });
    this.synthTask = project.addTask('synth', {
      description: `Compiles the app and synthesizes the Terraform stacks into ${options.outdir}/stacks/<stack>`,
    });
    this.synthTask.spawn(project.compileTask);
    this.synthTask.spawn(this.synthCompiledTask);
    project.gitignore.exclude(`${options.outdir}/`, '.gen/', '.terraform/', '*.tfstate', '*.tfstate.*', '*.tfplan');
  }
}
