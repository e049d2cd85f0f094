export type { KqlLiteral, KqlNode, KqlRangeOperator, KqlValueExpression } from './ast';
export { evaluateKql } from './evaluate';
export { resolveField } from './field_values';
export { KqlSyntaxError } from './kql_syntax_error';
export { findKqlError, parseKql } from './parser';
