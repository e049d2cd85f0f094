/*
 * Kibana's public cases HTTP API (section 10 of KIBANA_CONTRACTS.md). Every handler goes through
 * the cases client of the request, so HTTP and the plugin share one implementation.
 */
import type { IRouter, KibanaRequest, RouteSecurity } from '@kbn/core/server';
import type { AttachmentRequest, CasesClient } from '@kbn/cases-plugin/server';
import { respond } from '../http/http_error';
import { CASES_API_PRIVILEGES } from './cases_client';
import {
  AttachmentRequestSchema,
  CaseIdParamsSchema,
  CasePostRequestSchema,
  CasesFindQuerySchema,
  CasesPatchRequestSchema,
  FindCommentsQuerySchema,
  GetCaseQuerySchema,
} from './cases_schemas';

export const CASES_URL = '/api/cases';
export const CASE_FIND_URL = `${CASES_URL}/_find`;
export const CASE_DETAILS_URL = `${CASES_URL}/{case_id}`;
export const CASE_COMMENTS_URL = `${CASE_DETAILS_URL}/comments`;
export const CASE_FIND_COMMENTS_URL = `${CASE_COMMENTS_URL}/_find`;

const READ: RouteSecurity = { authz: { requiredPrivileges: [CASES_API_PRIVILEGES.read] } };
const WRITE: RouteSecurity = { authz: { requiredPrivileges: [CASES_API_PRIVILEGES.all] } };
const options = { access: 'public' as const };

export interface CasesRouteDeps {
  getClient(request: KibanaRequest): CasesClient;
}

export function registerCasesRoutes(router: IRouter, { getClient }: CasesRouteDeps): void {
  router.post({ path: CASES_URL, validate: { body: CasePostRequestSchema }, security: WRITE, options }, (_context, request, response) =>
    respond(response, async () => response.ok({ body: await getClient(request).cases.create(request.body) }))
  );

  router.get({ path: CASE_FIND_URL, validate: { query: CasesFindQuerySchema }, security: READ, options }, (_context, request, response) =>
    respond(response, async () => response.ok({ body: await getClient(request).cases.find(request.query) }))
  );

  router.get(
    { path: CASE_DETAILS_URL, validate: { params: CaseIdParamsSchema, query: GetCaseQuerySchema }, security: READ, options },
    (_context, request, response) =>
      respond(response, async () =>
        response.ok({ body: await getClient(request).cases.get({ id: request.params.case_id, includeComments: request.query.includeComments }) })
      )
  );

  router.patch({ path: CASES_URL, validate: { body: CasesPatchRequestSchema }, security: WRITE, options }, (_context, request, response) =>
    respond(response, async () => response.ok({ body: await getClient(request).cases.update(request.body) }))
  );

  router.post(
    { path: CASE_COMMENTS_URL, validate: { params: CaseIdParamsSchema, body: AttachmentRequestSchema }, security: WRITE, options },
    (_context, request, response) =>
      respond(response, async () => {
        // The schema admits the fields of one attachment kind only; the absent ones are undefined.
        const comment = Object.fromEntries(Object.entries(request.body).filter(([, value]) => value !== undefined)) as unknown as AttachmentRequest;
        return response.ok({ body: await getClient(request).attachments.add({ caseId: request.params.case_id, comment }) });
      })
  );

  // Deprecated in Kibana in favour of `_find`, still served there.
  router.get({ path: CASE_COMMENTS_URL, validate: { params: CaseIdParamsSchema }, security: READ, options }, (_context, request, response) =>
    respond(response, async () => response.ok({ body: await getClient(request).attachments.getAll({ caseID: request.params.case_id }) }))
  );

  router.get(
    { path: CASE_FIND_COMMENTS_URL, validate: { params: CaseIdParamsSchema, query: FindCommentsQuerySchema }, security: READ, options },
    (_context, request, response) =>
      respond(response, async () => {
        const { page, perPage, sortOrder = 'desc' } = request.query;
        const comments = await getClient(request).attachments.getAll({ caseID: request.params.case_id });
        const ordered = sortOrder === 'asc' ? comments : [...comments].reverse();
        return response.ok({
          body: { comments: ordered.slice((page - 1) * perPage, page * perPage), page, per_page: perPage, total: comments.length },
        });
      })
  );
}
