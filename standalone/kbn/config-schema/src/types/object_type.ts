import { isPlainObject, parseJson, setOwn, typeDetect } from '../value_utils';
import { childState, Type, type TypeMeta, type TypeOf, type TypeOptions, type ValidationState } from './type';

export type Props = Record<string, Type<any>>;
/** Props given to `extends`: `undefined` or `null` removes an inherited key. */
export type NullableProps = Record<string, Type<any> | undefined | null>;

type OptionalKeys<P extends Props> = { [K in keyof P]: undefined extends TypeOf<P[K]> ? K : never }[keyof P];
type RequiredKeys<P extends Props> = { [K in keyof P]: undefined extends TypeOf<P[K]> ? never : K }[keyof P];
type Flatten<T> = { [K in keyof T]: T[K] };

/** Keys whose type admits `undefined` (`schema.maybe`, `schema.any`) become optional. */
export type ObjectResultType<P extends Props> = Readonly<
  Flatten<{ [K in OptionalKeys<P>]?: TypeOf<P[K]> } & { [K in RequiredKeys<P>]: TypeOf<P[K]> }>
>;

type DefinedKeys<NP extends NullableProps> = { [K in keyof NP]: NP[K] extends Type<any> ? K : never }[keyof NP];
export type ExtendedProps<P extends Props, NP extends NullableProps> = Flatten<
  Omit<P, keyof NP> & { [K in DefinedKeys<NP>]: Extract<NP[K], Type<any>> }
>;

export type OptionsForUnknowns = 'allow' | 'ignore' | 'forbid';

export type ObjectTypeOptions<P extends Props = any> = TypeOptions<ObjectResultType<P>> & {
  /** What to do with keys that have no schema; `forbid` (the default) fails validation. */
  unknowns?: OptionsForUnknowns;
  meta?: TypeMeta;
};

export class ObjectType<P extends Props = any> extends Type<ObjectResultType<P>> {
  private readonly props: P;
  private readonly objectOptions: ObjectTypeOptions<P>;
  /** Declared keys, with every key placed after the siblings it references. */
  private readonly order: string[];

  constructor(props: P, options: ObjectTypeOptions<P> = {}) {
    super(options);
    this.props = props;
    this.objectOptions = options;
    this.order = orderByReferences(props);
  }

  /** A copy with more (or, given `undefined`/`null`, fewer) props and merged options. */
  extends<NP extends NullableProps>(
    newProps: NP,
    newOptions?: ObjectTypeOptions<ExtendedProps<P, NP>>
  ): ObjectType<ExtendedProps<P, NP>> {
    const props: Record<string, Type<any>> = { ...this.props };
    for (const [key, type] of Object.entries(newProps)) {
      if (type === undefined || type === null) delete props[key];
      else props[key] = type;
    }
    return new ObjectType(props as ExtendedProps<P, NP>, { ...this.objectOptions, ...newOptions } as ObjectTypeOptions<any>);
  }

  getPropSchemas(): P {
    return { ...this.props };
  }

  protected parse(value: unknown, state: ValidationState): ObjectResultType<P> {
    // An absent object is built from its props' defaults, so nested config sections may be omitted.
    const input = this.toPlainObject(value === undefined ? {} : value, state);
    const unknowns = this.objectOptions.unknowns ?? 'forbid';
    const id = this.objectOptions.meta?.id;
    const siblings = { ...input };
    const childOverrides: Partial<ValidationState> = {
      siblings,
      // As in Kibana, where `ignore` is a Joi preference that nested objects inherit.
      stripUnknownKeys: state.stripUnknownKeys || unknowns === 'ignore',
      scope: id === undefined ? state.scope : { id, type: this, parent: state.scope },
    };
    const validated: Record<string, unknown> = {};
    for (const key of this.order) {
      const result = this.props[key].validateWithState(input[key], childState(state, key, childOverrides));
      setOwn(siblings, key, result);
      validated[key] = result;
    }
    const output: Record<string, unknown> = {};
    for (const key of Object.keys(this.props)) {
      if (validated[key] !== undefined) setOwn(output, key, validated[key]);
    }
    for (const key of Object.keys(input)) {
      if (Object.prototype.hasOwnProperty.call(this.props, key)) continue;
      if (unknowns === 'allow') setOwn(output, key, input[key]);
      else if (unknowns === 'forbid' && !state.stripUnknownKeys) {
        throw this.error('definition for this key is missing', childState(state, key));
      }
    }
    return output as ObjectResultType<P>;
  }

  private toPlainObject(value: unknown, state: ValidationState): Record<string, unknown> {
    let candidate = value;
    // Query strings and form fields may carry an object as JSON text.
    if (typeof value === 'string') {
      const parsed = parseJson(value);
      if (!parsed.ok) throw this.error('could not parse object value from json input', state);
      candidate = parsed.value;
    }
    if (!isPlainObject(candidate)) {
      throw this.error(`expected a plain object value, but found [${typeDetect(candidate)}] instead.`, state);
    }
    return candidate;
  }
}

function orderByReferences(props: Props): string[] {
  const pending = Object.keys(props);
  const ordered: string[] = [];
  while (pending.length > 0) {
    const ready = pending.findIndex((key) =>
      props[key].getSiblingRefKeys().every((dep) => {
        const root = dep.split('.')[0];
        return root === key || !pending.includes(root);
      })
    );
    // A reference cycle cannot be ordered; the remaining keys keep their declared order.
    const index = ready === -1 ? 0 : ready;
    ordered.push(pending[index]);
    pending.splice(index, 1);
  }
  return ordered;
}
