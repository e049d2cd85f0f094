/**
 * The cases start contract the plugin uses: `getCasesClientWithRequest` authorizes the request's
 * user itself, as Kibana's cases client does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CasePostRequest } from '@kbn/cases-plugin/server';
import type { HostUser } from '../auth';
import { createFakeRequest } from '../http/kibana_request';
import { RouteTable } from '../http/route_table';
import { Router } from '../http/router';
import { FeaturesService } from '../plugins/features';
import { CasesService } from './cases_service';

const user = (username: string, privileges: HostUser['privileges']): HostUser => ({ username, roles: [], privileges });
const CASE: CasePostRequest = {
  title: 'From a workflow',
  description: 'Created by a step',
  tags: ['auto'],
  owner: 'securitySolution',
  connector: { id: 'none', name: 'none', type: '.none', fields: null },
  settings: { syncAlerts: false },
};

describe('CasesService start contract', () => {
  let dir: string;
  let service: CasesService;
  let features: FeaturesService;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cases-'));
    service = new CasesService({ file: join(dir, 'kibana.sqlite'), now: () => new Date('2025-01-01T00:00:00.000Z') });
    features = new FeaturesService();
    service.setup({ router: new Router(new RouteTable()), features: features.setup() });
  });
  afterEach(async () => {
    service.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('registers the cases privileges', () => {
    expect([...features.getApiPrivileges()].sort()).toEqual(['cases_all', 'cases_read']);
  });

  it('creates, attaches and reads back as the request user', async () => {
    const client = await service.start().getCasesClientWithRequest(createFakeRequest(user('analyst', new Set(['cases_all']))));
    const created = await client.cases.create(CASE);
    expect(created).toMatchObject({ status: 'open', severity: 'low', created_by: { username: 'analyst' }, created_at: '2025-01-01T00:00:00.000Z' });
    const attached = await client.attachments.add({
      caseId: created.id,
      comment: { type: 'alert', alertId: 'a1', index: '.internal.alerts-security.alerts-default-000001', rule: { id: 'r1', name: 'Rule' }, owner: 'securitySolution' },
    });
    expect(attached).toMatchObject({ id: created.id, totalAlerts: 1, comments: [{ type: 'alert', alertId: 'a1' }] });
    const [updated] = await client.cases.update({ cases: [{ id: created.id, version: attached.version, severity: 'critical' }] });
    expect(updated.severity).toBe('critical');
    expect((await client.cases.find({ severity: 'critical' })).cases.map(({ id }) => id)).toEqual([created.id]);
    expect(await client.attachments.getAll({ caseID: created.id })).toHaveLength(1);
  });

  it.each([
    ['a user without cases privileges', new Set<string>()],
    ['a read-only user', new Set(['cases_read'])],
  ])('refuses writes for %s', async (_label, privileges) => {
    const client = await service.start().getCasesClientWithRequest(createFakeRequest(user('someone', privileges)));
    await expect(client.cases.create(CASE)).rejects.toMatchObject({ statusCode: 403, message: 'Unauthorized to create case with owners: "securitySolution"' });
  });

  it('refuses reads for a user without cases privileges', async () => {
    const client = await service.start().getCasesClientWithRequest(createFakeRequest(user('someone', new Set(['alerting_all']))));
    await expect(client.cases.find()).rejects.toMatchObject({ statusCode: 403, message: 'Unauthorized to access cases of any owner' });
  });

  it('lets a read-only user find but not update', async () => {
    const admin = await service.start().getCasesClientWithRequest(createFakeRequest(user('admin', 'all')));
    const created = await admin.cases.create(CASE);
    const reader = await service.start().getCasesClientWithRequest(createFakeRequest(user('reader', new Set(['cases_read']))));
    expect((await reader.cases.get({ id: created.id })).id).toBe(created.id);
    await expect(reader.cases.update({ cases: [{ id: created.id, version: created.version, title: 'x' }] })).rejects.toMatchObject({
      statusCode: 403,
      message: 'Unauthorized to update case with owners: "securitySolution"',
    });
  });
});
