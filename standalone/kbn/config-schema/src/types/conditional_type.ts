import { Reference, SiblingReference } from '../references';
import { SchemaTypeError } from '../errors';
import { Type, type TypeOptions, type ValidationState } from './type';

export type ConditionalTypeValue = string | number | boolean | object | null;

/**
 * Picks `equalType` when the referenced value equals `rightOperand` (or, when that is a schema,
 * validates against it), and `notEqualType` otherwise.
 */
export class ConditionalType<A extends ConditionalTypeValue, B, C> extends Type<B | C> {
  constructor(
    private readonly leftOperand: Reference<A>,
    private readonly rightOperand: Reference<A> | A | Type<unknown>,
    private readonly equalType: Type<B>,
    private readonly notEqualType: Type<C>,
    options?: TypeOptions<B | C>
  ) {
    super(options);
  }

  getSiblingRefKeys(): string[] {
    const operands = [this.leftOperand, this.rightOperand].filter((op) => op instanceof SiblingReference);
    return [
      ...super.getSiblingRefKeys(),
      ...operands.map((op) => op.key),
      ...this.equalType.getSiblingRefKeys(),
      ...this.notEqualType.getSiblingRefKeys(),
    ];
  }

  protected parse(value: unknown, state: ValidationState): B | C {
    const chosen = this.matches(state) ? this.equalType : this.notEqualType;
    return chosen.validateWithState(value, state);
  }

  private matches(state: ValidationState): boolean {
    const left = this.leftOperand.resolve(state);
    const right = this.rightOperand;
    if (right instanceof Type) {
      try {
        right.validateWithState(left, state);
        return true;
      } catch (error) {
        if (error instanceof SchemaTypeError) return false;
        throw error;
      }
    }
    return left === (right instanceof Reference ? right.resolve(state) : right);
  }
}
