import { z } from 'zod';
import { defineStep } from './base';
import { DurationSchema, HeadersSchema, HttpMethodSchema } from './fields';

export const ConsoleStepSchema = defineStep('console', 'Write a message to the execution log.', {
  with: z
    .strictObject({
      message: z.string().describe('The text to log; `{{ }}` templating is rendered first.'),
    })
    .describe('What to log.'),
}).meta({ id: 'ConsoleStep' });
export type ConsoleStep = z.infer<typeof ConsoleStepSchema>;

export const HttpFetcherSchema = z
  .strictObject({
    skip_ssl_verification: z.boolean().optional().describe('Accept self-signed or otherwise invalid TLS certificates.'),
    follow_redirects: z.boolean().optional().describe('Follow 3xx redirects. Default true.'),
    max_redirects: z.number().int().min(0).optional().describe('How many redirects to follow at most. Default 10.'),
    keep_alive: z.boolean().optional().describe('Reuse the TCP connection between requests.'),
  })
  .describe('Transport options of the request.');
export type HttpFetcher = z.infer<typeof HttpFetcherSchema>;

export const HttpStepSchema = defineStep('http', 'Send an HTTP request; the response is the step output.', {
  with: z
    .strictObject({
      url: z.string().describe('The URL to call; `{{ }}` templating allowed.'),
      method: HttpMethodSchema.optional().describe('HTTP method. Default GET.'),
      path: z.string().optional().describe('Appended to `url`, e.g. an id taken from the inputs.'),
      query: z.record(z.string(), z.unknown()).optional().describe('Query string parameters.'),
      headers: HeadersSchema.optional(),
      body: z.unknown().optional().describe('Request body: a map or list is sent as JSON, a string as it is.'),
      timeout: DurationSchema.optional().describe(
        'Request timeout (Kibana 9.3 form; prefer the step-level `timeout`).'
      ),
      fetcher: HttpFetcherSchema.optional(),
    })
    .describe('The request to send.'),
}).meta({ id: 'HttpStep' });
export type HttpStep = z.infer<typeof HttpStepSchema>;
