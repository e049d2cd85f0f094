import { UserError } from '../../../common/errors';
import type { StepKind } from '../types';
import { findUnfilledValue, resolveConnectorId } from './connector_id';
import { connectorParams, headline } from './connector_params';

export interface ConnectorStepInput {
  /** The rendered `connector-id`: a connector's id or name. */
  connectorId: string;
  /** Exactly what the connector receives, so the step record shows what was sent. */
  params: Record<string, unknown>;
}

/**
 * Runs the configured connector named by `connector-id` (`slack`, `pagerduty`, `jira`, `email`,
 * `webhook`, any `<vendor>` or `<vendor>.<operation>`); the output is the connector's data.
 * Every call carries the step's idempotency key, which the actions client dedupes by, so an
 * attempt interrupted by a crash may be sent again without paging twice.
 * In a dry run no connector is called, not even for operations that look like reads: whether a
 * vendor operation writes is not knowable here, and a dry run promises that nothing is sent.
 */
export const connectorStep: StepKind<ConnectorStepInput> = {
  type: 'connector',
  description: 'Runs a configured connector named by connector-id',
  safeToRerun: true,
  input(step, render) {
    const connectorId = resolveConnectorId(step, render);
    const rendered = (render(step.with ?? {}) ?? {}) as Record<string, unknown>;
    const unfilled = findUnfilledValue(rendered);
    if (unfilled) throw new UserError(`Fill in ${unfilled[0]} of step "${step.name}" (it still says "${unfilled[1]}")`);
    return { connectorId, params: connectorParams(step.type, rendered) };
  },
  async run({ step, input, dryRun, proposeEffect, services, signal, idempotencyKey }) {
    const { connectorId, params } = input;
    if (dryRun) {
      const about = headline((params.subActionParams as Record<string, unknown> | undefined) ?? params);
      proposeEffect({
        kind: 'connector',
        summary: `${step.type} via "${connectorId}"${about ? `: ${about}` : ''}`,
        request: { connectorId, params },
      });
      return { output: { dryRun: true } };
    }
    return { output: (await services.executeConnector({ connectorId, params, signal, idempotencyKey })) ?? null };
  },
};
