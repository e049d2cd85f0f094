/* Errors of the actions client, carrying the HTTP status Kibana answers with (Boom's in Kibana). */
export class ActionsClientError extends Error {
  constructor(
    message: string,
    readonly statusCode: 400 | 403 | 404 | 409
  ) {
    super(message);
  }
}

export const connectorNotFound = (id: string) => new ActionsClientError(`Saved object [action/${id}] not found`, 404);
