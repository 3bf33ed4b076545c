import { FileBase, IResolver, Project } from 'projen';

/**
 * A source file regenerated on every `npx projen`: read-only, headed by the projen marker.
 */
export class ManagedSourceFile extends FileBase {
  private readonly contents: string;
  private readonly commentPrefix: string;

  /**
   * @param project the project
   * @param filePath path relative to the project root
   * @param contents file contents, without the marker line
   * @param commentPrefix line-comment syntax of the file's language
   */
  constructor(project: Project, filePath: string, contents: string, commentPrefix = '//') {
    super(project, filePath, { readonly: true, marker: true });
    this.contents = contents;
    this.commentPrefix = commentPrefix;
  }

  protected synthesizeContent(_resolver: IResolver): string | undefined {
    const header = this.marker ? `${this.commentPrefix} ${this.marker}\n` : '';
    return header + this.renderContents();
  }

  /** The file contents without the marker line; subclasses may compute them at synthesis. */
  protected renderContents(): string {
    return this.contents;
  }
}
