/** A parsed GitHub Actions expression (the text between `${{` and `}}`). */
export type ExpressionNode =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'context'; readonly path: string[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: ExpressionNode[] }
  | { readonly kind: 'not'; readonly operand: ExpressionNode }
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: ExpressionNode; readonly right: ExpressionNode };

/** Operators of the supported subset, lowest precedence first. */
export type BinaryOperator = '||' | '&&' | '==' | '!=';

type Token =
  | { readonly type: 'string' | 'identifier' | 'operator' | 'punctuation'; readonly text: string }
  | { readonly type: 'number'; readonly text: string; readonly value: number };

const OPERATORS = ['||', '&&', '==', '!=', '!'];
const PUNCTUATION = ['(', ')', ',', '.', '[', ']'];

/**
 * Parses the supported subset of the GitHub Actions expression language: literals, context
 * property access (`a.b`, `a['b']`), function calls, `!`, `==`, `!=`, `&&`, `||` and parentheses.
 *
 * @throws naming the expression when it uses syntax outside the subset (`<`, `>`, `*` filters…)
 */
export function parseExpression(source: string): ExpressionNode {
  const tokens = tokenize(source);
  let position = 0;

  const fail = (why: string): never => {
    throw new Error(`Unsupported expression \${{ ${source} }}: ${why}`);
  };
  const peek = (): Token | undefined => tokens[position];
  const accept = (text: string): boolean => {
    if (peek()?.text === text && peek()?.type !== 'string') {
      position++;
      return true;
    }
    return false;
  };
  const expect = (text: string): void => {
    if (!accept(text)) {
      fail(`expected "${text}" at token ${position + 1}`);
    }
  };

  const binary = (operators: BinaryOperator[], next: () => ExpressionNode) => (): ExpressionNode => {
    let left = next();
    for (;;) {
      const operator = operators.find((candidate) => peek()?.type === 'operator' && peek()?.text === candidate);
      if (operator === undefined) {
        return left;
      }
      position++;
      left = { kind: 'binary', operator, left, right: next() };
    }
  };

  const primary = (): ExpressionNode => {
    const token = peek();
    if (token === undefined) {
      return fail('unexpected end');
    }
    position++;
    if (token.type === 'string') {
      return { kind: 'literal', value: token.text };
    }
    if (token.type === 'number') {
      return { kind: 'literal', value: token.value };
    }
    if (token.type === 'operator' && token.text === '!') {
      return { kind: 'not', operand: primary() };
    }
    if (token.type === 'punctuation' && token.text === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.type !== 'identifier') {
      return fail(`unexpected "${token.text}"`);
    }
    if (token.text === 'true' || token.text === 'false') {
      return { kind: 'literal', value: token.text === 'true' };
    }
    if (token.text === 'null') {
      return { kind: 'literal', value: null };
    }
    if (accept('(')) {
      const args: ExpressionNode[] = [];
      if (!accept(')')) {
        do {
          args.push(or());
        } while (accept(','));
        expect(')');
      }
      return { kind: 'call', name: token.text, args };
    }
    const path = [token.text];
    for (;;) {
      if (accept('.')) {
        const property = peek();
        if (property?.type !== 'identifier') {
          return fail(property?.text === '*' ? 'object filters (.*) are not supported' : 'expected a property name after "."');
        }
        position++;
        path.push(property.text);
      } else if (accept('[')) {
        const index = peek();
        if (index?.type !== 'string' && index?.type !== 'number') {
          return fail('only literal indexes are supported');
        }
        position++;
        path.push(index.text);
        expect(']');
      } else {
        return { kind: 'context', path };
      }
    }
  };

  const equality = binary(['==', '!='], primary);
  const and = binary(['&&'], equality);
  const or = binary(['||'], and);

  const tree = or();
  if (position < tokens.length) {
    fail(`unexpected "${tokens[position].text}"`);
  }
  return tree;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const rest = source.slice(index);
    const space = /^\s+/.exec(rest);
    if (space) {
      index += space[0].length;
      continue;
    }
    if (rest.startsWith("'")) {
      // Strings are single-quoted; '' escapes a quote.
      const match = /^'((?:[^']|'')*)'/.exec(rest);
      if (!match) {
        throw new Error(`Unsupported expression \${{ ${source} }}: unterminated string`);
      }
      tokens.push({ type: 'string', text: match[1].replace(/''/g, "'") });
      index += match[0].length;
      continue;
    }
    const number = /^-?(0x[0-9a-fA-F]+|\d+(\.\d+)?([eE][-+]?\d+)?)/.exec(rest);
    if (number && !/^[A-Za-z_]/.test(rest)) {
      tokens.push({ type: 'number', text: number[0], value: Number(number[0]) });
      index += number[0].length;
      continue;
    }
    const identifier = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest);
    if (identifier) {
      tokens.push({ type: 'identifier', text: identifier[0] });
      index += identifier[0].length;
      continue;
    }
    const operator = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (operator) {
      tokens.push({ type: 'operator', text: operator });
      index += operator.length;
      continue;
    }
    if (PUNCTUATION.includes(rest[0])) {
      tokens.push({ type: 'punctuation', text: rest[0] });
      index += 1;
      continue;
    }
    throw new Error(`Unsupported expression \${{ ${source} }}: unsupported character "${rest[0]}"`);
  }
  return tokens;
}
