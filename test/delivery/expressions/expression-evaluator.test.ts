import { evaluateCondition, ExpressionContexts, interpolate } from '../support/expressions/expression-evaluator';

const contexts = (overrides: Partial<ExpressionContexts> = {}): ExpressionContexts => ({
  github: { sha: 'abc', ref: 'refs/heads/main', event_name: 'push', event: { pull_request: { number: 3 } } },
  runner: { os: 'Linux', temp: '/tmp/runner' },
  inputs: { environment: 'dev', approve: false },
  secrets: { TOKEN: 's3cret' },
  vars: {},
  env: { STAGE: 'dev' },
  steps: { build: { outputs: { tag: 'v1' }, outcome: 'success', conclusion: 'success' } },
  declaredStepIds: new Set(['build', 'later']),
  needs: {},
  status: { failed: false, cancelled: false },
  ...overrides,
});

describe('expressions', () => {
  test('substitutes the supported contexts', () => {
    expect(interpolate('${{ github.sha }}/${{ runner.os }}/${{ inputs.environment }}/${{ env.STAGE }}/${{ steps.build.outputs.tag }}', contexts()))
      .toBe('abc/Linux/dev/dev/v1');
    expect(interpolate("${{ github.event.pull_request.number }} ${{ format('{0}-{1}', env.STAGE, 'x') }}", contexts())).toBe('3 dev-x');
  });

  test('reads missing secrets, vars and env as empty, and later steps as empty outputs, as GitHub does', () => {
    expect(interpolate('[${{ secrets.NONE }}][${{ vars.NONE }}][${{ env.NONE }}][${{ steps.later.outputs.x }}]', contexts())).toBe('[][][][]');
  });

  test.each([
    ['github.token_of_someone', /github\.token_of_someone is not supported/],
    ['steps.typo.outputs.tag', /no step with id "typo"/],
    ['inputs.missing', /inputs\.missing is not supported/],
    ['matrix.node', /context "matrix" is not supported/],
    ["hashFiles('x')", /hashFiles\(\) is not supported/],
    ['github.run_id > 3', /unsupported character ">"/],
  ])('throws on %s, naming the expression', (expression, why) => {
    expect(() => interpolate(`\${{ ${expression} }}`, contexts())).toThrow(why);
    expect(() => interpolate(`\${{ ${expression} }}`, contexts())).toThrow(expression);
  });

  test('conditions: implicit success(), status functions, comparisons', () => {
    const failed = contexts({ status: { failed: true, cancelled: false } });
    expect(evaluateCondition(undefined, failed)).toBe(false);
    expect(evaluateCondition("inputs.environment == 'DEV'", contexts())).toBe(true);
    expect(evaluateCondition("inputs.environment == 'dev'", failed)).toBe(false);
    expect(evaluateCondition('${{ failure() }}', failed)).toBe(true);
    expect(evaluateCondition('always()', failed)).toBe(true);
    expect(evaluateCondition('!cancelled()', failed)).toBe(true);
    expect(evaluateCondition("github.event_name != 'push' || inputs.approve", contexts())).toBe(false);
    expect(evaluateCondition("github.ref == 'refs/heads/main' && steps.build.outcome == 'success'", contexts())).toBe(true);
  });
});
