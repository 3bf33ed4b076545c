import { runChecked } from './processes';

/** An open issue or pull request as `gh … list --json number,title` gives it. */
export interface GitHubItem {
  readonly number: number;
  readonly title: string;
}

/**
 * The GitHub CLI (`gh`), authenticated by `GH_TOKEN` in the workflows: the issues and pull
 * requests the fleet commands keep up to date, found again by their label and title.
 */
export class GitHubCli {
  constructor(private readonly binary: string = process.env.GH_BINARY ?? 'gh') {}

  /** Creates the label, or updates its colour and description. */
  public async ensureLabel(name: string, color: string, description: string): Promise<void> {
    await this.gh(['label', 'create', name, '--force', '--color', color, '--description', description]);
  }

  /** The open issue with this label and exactly this title. */
  public async openIssue(label: string, title: string): Promise<GitHubItem | undefined> {
    const issues = JSON.parse(await this.gh(['issue', 'list', '--state', 'open', '--label', label, '--json', 'number,title', '--limit', '100'])) as GitHubItem[];
    return issues.find((issue) => issue.title === title);
  }

  /** Opens an issue; returns its number. */
  public async createIssue(title: string, bodyFile: string, label: string): Promise<number> {
    return numberOf(await this.gh(['issue', 'create', '--title', title, '--body-file', bodyFile, '--label', label]));
  }

  public async editIssue(issue: number, bodyFile: string): Promise<void> {
    await this.gh(['issue', 'edit', String(issue), '--body-file', bodyFile]);
  }

  public async closeIssue(issue: number, comment: string): Promise<void> {
    await this.gh(['issue', 'close', String(issue), '--comment', comment]);
  }

  /** The open pull request from `branch`. */
  public async openPullRequest(branch: string): Promise<GitHubItem | undefined> {
    const pulls = JSON.parse(await this.gh(['pr', 'list', '--state', 'open', '--head', branch, '--json', 'number,title'])) as GitHubItem[];
    return pulls[0];
  }

  /** Opens a pull request from `branch`; returns its number. */
  public async createPullRequest(branch: string, title: string, bodyFile: string): Promise<number> {
    return numberOf(await this.gh(['pr', 'create', '--head', branch, '--title', title, '--body-file', bodyFile]));
  }

  public async editPullRequest(pull: number, title: string, bodyFile: string): Promise<void> {
    await this.gh(['pr', 'edit', String(pull), '--title', title, '--body-file', bodyFile]);
  }

  /** Adds or removes a label of a pull request. */
  public async labelPullRequest(pull: number, label: string, on: boolean): Promise<void> {
    await this.gh(['pr', 'edit', String(pull), on ? '--add-label' : '--remove-label', label]);
  }

  private async gh(args: string[]): Promise<string> {
    return (await runChecked(this.binary, args, { capture: true })).stdout;
  }
}

/** The number at the end of the URL `gh … create` prints. */
function numberOf(url: string): number {
  const match = /\/(\d+)\s*$/.exec(url.trim());
  return match ? Number(match[1]) : NaN;
}
