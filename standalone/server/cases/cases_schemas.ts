/*
 * Request schemas of the cases HTTP API. Kibana validates these with io-ts; the limits and the
 * wording of the limit messages follow its `limitedStringSchema` / `limitedArraySchema`, the
 * rest reads like any config-schema error (`[request body.title]: ...`).
 */
import { schema, type Type } from '@kbn/config-schema';
import { literals, oneOrMany } from '../schemas';

export const MAX_TITLE_LENGTH = 160;
export const MAX_DESCRIPTION_LENGTH = 30000;
export const MAX_COMMENT_LENGTH = 30000;
export const MAX_TAGS_PER_CASE = 200;
export const MAX_TAG_LENGTH = 256;
export const MAX_CATEGORY_LENGTH = 50;
export const MAX_ASSIGNEES_PER_CASE = 10;
export const MAX_CUSTOM_FIELDS_PER_CASE = 10;
export const MAX_CASES_PER_PAGE = 100;
export const MAX_BULK_UPDATE_CASES = 100;

const CONNECTOR_TYPES = ['.jira', '.servicenow', '.servicenow-sir', '.resilient', '.swimlane', '.cases-webhook', '.thehive'] as const;

const limitedString = (fieldName: string, max: number) =>
  schema.string({
    validate: (value) => {
      if (value.trim().length === 0) return `The ${fieldName} field cannot be an empty string.`;
      if (value.length > max) return `The length of the ${fieldName} is too long. The maximum length is ${max}.`;
    },
  });

const limitedArray = <T>(item: Type<T>, fieldName: string, max: number) =>
  schema.arrayOf(item, {
    validate: (value) => (value.length > max ? `The length of the field ${fieldName} is too long. Array must be of length <= ${max}.` : undefined),
  });

export const CaseStatusSchema = literals(['open', 'in-progress', 'closed']);
export const CaseSeveritySchema = literals(['low', 'medium', 'high', 'critical']);

const ConnectorSchema = schema.oneOf([
  schema.object({ id: schema.literal('none'), name: schema.literal('none'), type: schema.literal('.none'), fields: schema.literal(null) }),
  schema.object({
    id: schema.string(),
    name: schema.string(),
    type: literals(CONNECTOR_TYPES),
    fields: schema.nullable(schema.recordOf(schema.string(), schema.any())),
  }),
]);

const caseFields = {
  title: limitedString('title', MAX_TITLE_LENGTH),
  description: limitedString('description', MAX_DESCRIPTION_LENGTH),
  tags: limitedArray(limitedString('tag', MAX_TAG_LENGTH), 'tags', MAX_TAGS_PER_CASE),
  connector: ConnectorSchema,
  settings: schema.object({ syncAlerts: schema.boolean() }),
  severity: CaseSeveritySchema,
  assignees: limitedArray(schema.object({ uid: schema.string() }), 'assignees', MAX_ASSIGNEES_PER_CASE),
  category: schema.nullable(limitedString('category', MAX_CATEGORY_LENGTH)),
  customFields: limitedArray(
    schema.object({
      key: schema.string(),
      type: literals(['text', 'toggle', 'number']),
      value: schema.nullable(schema.oneOf([schema.string(), schema.boolean(), schema.number()])),
    }),
    'customFields',
    MAX_CUSTOM_FIELDS_PER_CASE
  ),
};

export const CasePostRequestSchema = schema.object({
  title: caseFields.title,
  description: caseFields.description,
  tags: caseFields.tags,
  owner: schema.string(),
  connector: caseFields.connector,
  settings: caseFields.settings,
  severity: schema.maybe(caseFields.severity),
  assignees: schema.maybe(caseFields.assignees),
  category: schema.maybe(caseFields.category),
  customFields: schema.maybe(caseFields.customFields),
});

export const CasesPatchRequestSchema = schema.object({
  cases: schema.arrayOf(
    schema.object({
      id: schema.string(),
      version: schema.string(),
      status: schema.maybe(CaseStatusSchema),
      title: schema.maybe(caseFields.title),
      description: schema.maybe(caseFields.description),
      tags: schema.maybe(caseFields.tags),
      connector: schema.maybe(caseFields.connector),
      settings: schema.maybe(caseFields.settings),
      severity: schema.maybe(caseFields.severity),
      assignees: schema.maybe(caseFields.assignees),
      category: schema.maybe(caseFields.category),
      customFields: schema.maybe(caseFields.customFields),
    }),
    {
      minSize: 1,
      validate: (value) =>
        value.length > MAX_BULK_UPDATE_CASES ? `The length of the field cases is too long. Array must be of length <= ${MAX_BULK_UPDATE_CASES}.` : undefined,
    }
  ),
});

export const CasesFindQuerySchema = schema.object({
  page: schema.maybe(schema.number({ min: 1 })),
  perPage: schema.maybe(schema.number({ min: 1, max: MAX_CASES_PER_PAGE })),
  status: schema.maybe(oneOrMany(CaseStatusSchema)),
  severity: schema.maybe(oneOrMany(CaseSeveritySchema)),
  tags: schema.maybe(oneOrMany(schema.string())),
  owner: schema.maybe(oneOrMany(schema.string())),
  assignees: schema.maybe(oneOrMany(schema.string())),
  reporters: schema.maybe(oneOrMany(schema.string())),
  category: schema.maybe(oneOrMany(schema.string())),
  search: schema.maybe(schema.string()),
  searchFields: schema.maybe(oneOrMany(literals(['title', 'description']))),
  defaultSearchOperator: schema.maybe(literals(['AND', 'OR'])),
  sortField: schema.maybe(literals(['title', 'category', 'createdAt', 'updatedAt', 'closedAt', 'status', 'severity'])),
  sortOrder: schema.maybe(literals(['asc', 'desc'])),
  from: schema.maybe(schema.string()),
  to: schema.maybe(schema.string()),
});

const onlyFor = <T>(type: 'user' | 'alert', value: Type<T>) => schema.conditional(schema.siblingRef('type'), type, value, schema.never());

/** One object schema for both attachment kinds: the fields of the other kind must be absent. */
export const AttachmentRequestSchema = schema.object({
  type: literals(['user', 'alert']),
  owner: schema.string(),
  comment: onlyFor('user', limitedString('comment', MAX_COMMENT_LENGTH)),
  alertId: onlyFor('alert', oneOrMany(schema.string({ minLength: 1 }))),
  index: onlyFor('alert', oneOrMany(schema.string({ minLength: 1 }))),
  rule: onlyFor('alert', schema.object({ id: schema.nullable(schema.string()), name: schema.nullable(schema.string()) })),
});

export const CaseIdParamsSchema = schema.object({ case_id: schema.string() });

export const GetCaseQuerySchema = schema.object({ includeComments: schema.boolean({ defaultValue: true }) });

export const FindCommentsQuerySchema = schema.object({
  page: schema.number({ min: 1, defaultValue: 1 }),
  perPage: schema.number({ min: 1, max: MAX_CASES_PER_PAGE, defaultValue: 20 }),
  sortOrder: schema.maybe(literals(['asc', 'desc'])),
});
