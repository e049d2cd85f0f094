export { createTemplateEngine } from './engine';
export type { TemplateEngine, TemplateEngineOptions } from './engine';
export { findTemplateErrors } from './find_template_errors';
export type { TemplateProblemLocation } from './find_template_errors';
export { DEFAULT_TEMPLATE_LIMITS } from './limits';
export type { TemplateLimits } from './limits';
export { matchWholeExpression } from './liquid';
export { TemplateError } from './template_error';
