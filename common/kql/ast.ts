/** A value written in a query: `critical`, `"exact text"`, `*test*`. */
export interface KqlLiteral {
  type: 'literal';
  /** The text with escapes resolved and quotes removed. */
  value: string;
  /** Written in quotes: compared as an exact string, never as a number, boolean or pattern. */
  quoted: boolean;
  /** Set when the unquoted text holds an unescaped `*` or `?`. */
  pattern?: RegExp;
}

/** The right-hand side of `field : …`: one literal or a boolean combination in parentheses. */
export type KqlValueExpression =
  KqlLiteral | { type: 'or' | 'and'; children: KqlValueExpression[] } | { type: 'not'; child: KqlValueExpression };

export type KqlRangeOperator = '>' | '>=' | '<' | '<=';

export type KqlNode =
  | { type: 'or' | 'and'; children: KqlNode[] }
  | { type: 'not'; child: KqlNode }
  /** `field : *`: the field holds a value other than null. */
  | { type: 'exists'; field: string }
  | { type: 'match'; field: string; value: KqlValueExpression }
  | { type: 'range'; field: string; operator: KqlRangeOperator; value: KqlLiteral }
  /** A bare `true` or `false`, e.g. what `{{ flag }}` rendered to. */
  | { type: 'boolean'; value: boolean };
