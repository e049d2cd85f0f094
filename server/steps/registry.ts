import type { StepKind } from './types';
import { consoleStep } from './console/console_step';
import { dataSetStep } from './data_set/data_set_step';
import { ifStep } from './if/if_step';
import { foreachStep } from './foreach/foreach_step';
import { waitStep } from './wait/wait_step';

/** Step kinds by `type`. Adding a kind is one folder plus one line here. */
export class StepRegistry {
  private readonly kinds = new Map<string, StepKind<any>>();

  register(kind: StepKind<any>): this {
    if (this.kinds.has(kind.type)) throw new Error(`Step type "${kind.type}" is already registered`);
    this.kinds.set(kind.type, kind);
    return this;
  }

  get(type: string): StepKind | undefined {
    return this.kinds.get(type);
  }

  types(): string[] {
    return [...this.kinds.keys()];
  }
}

export const createStepRegistry = (): StepRegistry =>
  new StepRegistry().register(consoleStep).register(dataSetStep).register(ifStep).register(foreachStep).register(waitStep);
