/** The schedules of a workflow's `scheduled` triggers, and the next time any of them is due. */
import { nextRunAfter, scheduleFromTrigger, type Schedule } from '../../common/schedule';
import type { WorkflowDefinition } from '../../common/spec';

export function workflowSchedules(definition: WorkflowDefinition | undefined): Schedule[] {
  return (definition?.triggers ?? []).filter((t) => t.type === 'scheduled').map((t) => scheduleFromTrigger(t));
}

/** The earliest occurrence strictly after `after` over every schedule. */
export function nextDue(schedules: Schedule[], after: Date, anchor: Date): Date | undefined {
  return schedules.map((s) => nextRunAfter(s, after, { anchor })).sort((a, b) => a.getTime() - b.getTime())[0];
}
