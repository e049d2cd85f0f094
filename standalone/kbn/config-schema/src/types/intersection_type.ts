import { ObjectType, type ObjectTypeOptions, type Props } from './object_type';

type PropsOf<T> = T extends ObjectType<infer P> ? P : never;
type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
// Narrowed with `infer … extends` rather than `& Props`, whose index signature would leak into TypeOf.
export type IntersectionProps<RTS extends Array<ObjectType<any>>> =
  UnionToIntersection<PropsOf<RTS[number]>> extends infer I extends Props ? I : never;

/** `schema.allOf`: one object schema holding the props of all given object schemas. */
export class IntersectionType<RTS extends Array<ObjectType<any>>> extends ObjectType<IntersectionProps<RTS>> {
  constructor(types: RTS, options?: ObjectTypeOptions<IntersectionProps<RTS>>) {
    const props: Props = {};
    for (const type of types) {
      for (const [key, propType] of Object.entries(type.getPropSchemas() as Props)) {
        // Two definitions of one key cannot both hold, so this is a schema bug, reported at build time.
        if (key in props) throw new Error(`Duplicate key in intersection: ${key}`);
        props[key] = propType;
      }
    }
    super(props as IntersectionProps<RTS>, options);
  }
}
