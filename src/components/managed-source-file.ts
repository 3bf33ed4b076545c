import { FileBase, IResolver, Project } from 'projen';

/**
 * A source file regenerated on every `npx projen`: read-only, headed by the projen marker.
 */
export class ManagedSourceFile extends FileBase {
  private readonly contents: string | (() => string);
  private readonly commentPrefix: string;

  /**
   * @param project the project
   * @param filePath path relative to the project root
   * @param contents file contents, without the marker line, or a function producing them at synthesis
   * @param commentPrefix line-comment syntax of the file's language
   */
  constructor(project: Project, filePath: string, contents: string | (() => string), commentPrefix = '//') {
    super(project, filePath, { readonly: true, marker: true });
    this.contents = contents;
    this.commentPrefix = commentPrefix;
  }

  protected synthesizeContent(_resolver: IResolver): string | undefined {
    const header = this.marker ? `${this.commentPrefix} ${this.marker}\n` : '';
    return header + (typeof this.contents === 'function' ? this.contents() : this.contents);
  }
}
