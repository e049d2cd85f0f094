import { startFakeHttpService, type FakeHttpService } from '../fake_services';
import { executeType, TEST_CONNECTOR_ID } from './connector_types.mocks';
import { getPagerDutyConnectorType } from './pagerduty';

describe('.pagerduty', () => {
  let pagerDuty: FakeHttpService;
  const type = getPagerDutyConnectorType({ timeoutMs: 5000 });
  const secrets = { routingKey: 'R0UTINGKEY0000000000000000000000' };
  const config = () => ({ apiUrl: `${pagerDuty.url}/v2/enqueue` });

  beforeEach(async () => {
    pagerDuty = await startFakeHttpService((request) => ({
      status: 202,
      body: { status: 'success', message: 'Event processed', dedup_key: (request.body as { dedup_key?: string }).dedup_key ?? 'generated' },
    }));
  });
  afterEach(() => pagerDuty.close());

  it('triggers with Kibana defaults and the execution id as dedup key', async () => {
    const result = await executeType(type, { config: config(), secrets, params: {}, executionId: 'exec-7:steps.page' });
    expect(result).toEqual({
      actionId: TEST_CONNECTOR_ID,
      status: 'ok',
      data: { status: 'success', message: 'Event processed', dedup_key: 'exec-7:steps.page' },
    });
    expect(pagerDuty.requests[0]).toMatchObject({ method: 'POST', path: '/v2/enqueue' });
    expect(pagerDuty.requests[0].body).toEqual({
      routing_key: secrets.routingKey,
      event_action: 'trigger',
      dedup_key: 'exec-7:steps.page',
      payload: { summary: 'No summary provided.', source: `Kibana Action ${TEST_CONNECTOR_ID}`, severity: 'info' },
    });
  });

  it('builds the full Events API v2 payload; an explicit dedup key wins', async () => {
    await executeType(type, {
      config: config(),
      secrets,
      executionId: 'exec-7:steps.page',
      params: {
        eventAction: 'trigger',
        dedupKey: 'host-1-cpu',
        summary: 'CPU high on host-1',
        source: 'host-1',
        severity: 'critical',
        timestamp: '2025-01-02T03:04:05+01:00',
        component: 'cpu',
        group: 'prod',
        class: 'resource',
        links: [{ href: 'http://kibana/app/workflows/run/1', text: 'The run' }],
        customDetails: { load: 9.5, tags: ['a'] },
      },
    });
    expect(pagerDuty.requests[0].body).toEqual({
      routing_key: secrets.routingKey,
      event_action: 'trigger',
      dedup_key: 'host-1-cpu',
      payload: {
        summary: 'CPU high on host-1',
        source: 'host-1',
        severity: 'critical',
        timestamp: '2025-01-02T02:04:05.000Z',
        component: 'cpu',
        group: 'prod',
        class: 'resource',
        custom_details: { load: 9.5, tags: ['a'] },
      },
      links: [{ href: 'http://kibana/app/workflows/run/1', text: 'The run' }],
    });
  });

  it('resolves by dedup key without a payload, and hashes execution ids longer than PagerDuty allows', async () => {
    await executeType(type, { config: config(), secrets, params: { eventAction: 'resolve', dedupKey: 'host-1-cpu' } });
    expect(pagerDuty.requests[0].body).toEqual({ routing_key: secrets.routingKey, event_action: 'resolve', dedup_key: 'host-1-cpu' });

    await executeType(type, { config: config(), secrets, params: {}, executionId: 'x'.repeat(300) });
    expect((pagerDuty.requests[1].body as { dedup_key: string }).dedup_key).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [{ eventAction: 'acknowledge' }, 'error validating action params: DedupKey is required when eventAction is "acknowledge"'],
    [{ timestamp: 'yesterday-ish' }, 'error validating action params: error parsing timestamp "yesterday-ish"'],
    [{ severity: 'urgent' }, expect.stringContaining('error validating action params: [severity]: types that failed validation:')],
  ])('rejects params %j', async (params, message) => {
    expect(await executeType(type, { config: config(), secrets, params })).toMatchObject({ status: 'error', message, errorSource: 'user' });
    expect(pagerDuty.requests).toHaveLength(0);
  });

  it('retries later on 429 and never shows the routing key', async () => {
    pagerDuty.respondWith((request) => ({ status: 429, body: { status: 'throttle', echo: (request.body as { routing_key: string }).routing_key } }));
    const result = await executeType(type, { config: config(), secrets, params: {} });
    expect(result).toEqual({
      actionId: TEST_CONNECTOR_ID,
      status: 'error',
      message: 'error posting pagerduty event, retry later',
      serviceMessage: '[429] Too Many Requests: {"status":"throttle","echo":"[REDACTED]"}',
      retry: true,
      errorSource: 'framework',
    });
  });
});
