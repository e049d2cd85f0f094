/**
 * Compile-time checks of `TypeOf`: `tsc` fails on any `Expect<Equal<…>>` that is false, and the
 * runtime assertions show the same schemas accept the shapes the types promise.
 */
import type { Duration } from 'moment';
import { schema, type Type, type TypeOf } from '../index';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

const bodySchema = schema.object({
  yaml: schema.maybe(schema.string({ minLength: 1 })),
  enabled: schema.maybe(schema.boolean()),
});
type Body = TypeOf<typeof bodySchema>;

const configSchema = schema.object({
  enabled: schema.boolean({ defaultValue: true }),
  storage: schema.object({
    type: schema.oneOf([schema.literal('elasticsearch'), schema.literal('sqlite')], { defaultValue: 'elasticsearch' }),
  }),
  wait: schema.duration({ defaultValue: '5s' }),
  tags: schema.arrayOf(schema.string()),
  headers: schema.recordOf(schema.string(), schema.string()),
  byId: schema.mapOf(schema.number(), schema.boolean()),
  note: schema.nullable(schema.string()),
  payload: schema.any(),
  mode: schema.conditional(schema.contextRef('dist'), true, schema.literal('prod'), schema.number()),
});
type Config = TypeOf<typeof configSchema>;

const extended = bodySchema.extends({ yaml: undefined, id: schema.string() });
const merged = schema.allOf([schema.object({ a: schema.string() }), schema.object({ b: schema.maybe(schema.number()) })]);

export type Checks = [
  Expect<Equal<Body, Readonly<{ yaml?: string; enabled?: boolean }>>>,
  Expect<
    Equal<
      Config,
      Readonly<{
        enabled: boolean;
        storage: Readonly<{ type: 'elasticsearch' | 'sqlite' }>;
        wait: Duration;
        tags: string[];
        headers: Record<string, string>;
        byId: Map<number, boolean>;
        note: string | null;
        payload?: any;
        mode: 'prod' | number;
      }>
    >
  >,
  Expect<Equal<TypeOf<typeof extended>, Readonly<{ enabled?: boolean; id: string }>>>,
  Expect<Equal<TypeOf<typeof merged>['a'], string>>,
  Expect<Equal<TypeOf<typeof merged>['b'], number | undefined>>,
];

describe('TypeOf', () => {
  it('matches what validation returns', () => {
    const body: Body = bodySchema.validate({ yaml: 'a: 1' });
    const plain: { yaml?: string; enabled?: boolean } = body;
    expect(plain).toEqual({ yaml: 'a: 1' });

    const config: Config = configSchema.validate({ tags: [], headers: {}, byId: {}, payload: 0, mode: 1 });
    expect(config.storage.type).toBe('elasticsearch');
    expect(config.wait.asSeconds()).toBe(5);
    expect(config.note).toBeNull();
  });

  it('makes `any` props optional in the type although validation requires them, as Kibana does', () => {
    expect(() => configSchema.validate({ tags: [], headers: {}, byId: {}, mode: 1 })).toThrow(
      '[payload]: expected value of type [any] but got [undefined]'
    );
  });

  it('keeps Type covariant, so narrower schemas fit wider slots', () => {
    const wide: Type<string | number> = schema.literal('a');
    const anyObject: Type<Readonly<{ yaml?: string }>> = bodySchema.extends({ enabled: undefined });
    expect(wide.validate('a')).toBe('a');
    expect(anyObject.validate({})).toEqual({});
  });
});
