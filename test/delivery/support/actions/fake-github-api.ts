/** An issue or pull request comment held by {@link FakeGitHubApi}. */
export interface FakeIssueComment {
  readonly id: number;
  readonly issue_number: number;
  readonly owner: string;
  readonly repo: string;
  body: string;
  readonly user: { readonly login: string; readonly type: string };
  readonly created_at: string;
  updated_at: string;
}

/** One call `actions/github-script` made to the API. */
export interface FakeGitHubApiCall {
  /** e.g. `issues.createComment`. */
  readonly method: string;
  readonly params: Record<string, unknown>;
}

type Params = Record<string, unknown>;
type Endpoint = (params?: Params) => Promise<{ status: number; data: unknown }>;

/**
 * In-memory stand-in for the Octokit client `actions/github-script` passes as `github`: the
 * `rest.issues` comment endpoints and `paginate`, recording every call. Other endpoints throw
 * naming themselves.
 */
export class FakeGitHubApi {
  /** Comments, oldest first; tests may seed it. */
  public readonly comments: FakeIssueComment[] = [];
  /** Every call, in order. */
  public readonly calls: FakeGitHubApiCall[] = [];
  private nextId = 1000;

  /** Adds a comment as if someone (by default the bot) had written it. */
  public seedComment(issueNumber: number, body: string, login = 'github-actions[bot]'): FakeIssueComment {
    return this.addComment({ owner: 'example', repo: 'service', issue_number: issueNumber, body }, login);
  }

  /** Comments on one issue or pull request. */
  public commentsOn(issueNumber: number): FakeIssueComment[] {
    return this.comments.filter((comment) => comment.issue_number === issueNumber);
  }

  /** The `github` object of a script: `rest.issues.*`, `paginate`, anything else throws. */
  public client(): Record<string, unknown> {
    const issues: Record<string, Endpoint> = {
      listComments: this.endpoint('issues.listComments', (params) => ({
        status: 200,
        data: this.comments.filter((comment) => comment.issue_number === Number(params.issue_number)),
      })),
      createComment: this.endpoint('issues.createComment', (params) => ({ status: 201, data: this.addComment(params) })),
      updateComment: this.endpoint('issues.updateComment', (params) => {
        const comment = this.findComment(params.comment_id);
        comment.body = String(params.body);
        comment.updated_at = new Date().toISOString();
        return { status: 200, data: comment };
      }),
      deleteComment: this.endpoint('issues.deleteComment', (params) => {
        this.comments.splice(this.comments.indexOf(this.findComment(params.comment_id)), 1);
        return { status: 204, data: undefined };
      }),
      getComment: this.endpoint('issues.getComment', (params) => ({ status: 200, data: this.findComment(params.comment_id) })),
    };
    const paginate = async (endpoint: unknown, params?: Params): Promise<unknown[]> => {
      if (typeof endpoint !== 'function') {
        throw new Error('FakeGitHubApi: paginate expects an endpoint function such as github.rest.issues.listComments');
      }
      const response = await (endpoint as Endpoint)(params);
      return Array.isArray(response.data) ? response.data : [response.data];
    };
    return {
      rest: strictObject('github.rest', { issues: strictObject('github.rest.issues', issues) }),
      paginate,
    };
  }

  private endpoint(method: string, handle: (params: Params) => { status: number; data: unknown }): Endpoint {
    return async (params: Params = {}) => {
      this.calls.push({ method, params });
      return handle(params);
    };
  }

  private addComment(params: Params, login = 'github-actions[bot]'): FakeIssueComment {
    const now = new Date().toISOString();
    const comment: FakeIssueComment = {
      id: this.nextId++,
      issue_number: Number(params.issue_number),
      owner: String(params.owner),
      repo: String(params.repo),
      body: String(params.body),
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      created_at: now,
      updated_at: now,
    };
    this.comments.push(comment);
    return comment;
  }

  private findComment(id: unknown): FakeIssueComment {
    const comment = this.comments.find((candidate) => candidate.id === Number(id));
    if (comment === undefined) {
      throw Object.assign(new Error(`Not Found: comment ${String(id)}`), { status: 404 });
    }
    return comment;
  }
}

/** An object whose missing properties throw with their path, so unsupported API use is loud. */
function strictObject<T extends object>(path: string, target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'string' && !(property in object) && property !== 'then') {
        throw new Error(`FakeGitHubApi does not support ${path}.${property}`);
      }
      return Reflect.get(object, property, receiver) as unknown;
    },
  });
}
