/**
 * A from-scratch stand-in for Kibana's `@kbn/config-schema`: the same builders, inferred types and
 * error messages, without Joi. See `src/schema.ts` for the builders.
 */
export { schema, type Schema } from './src/schema';
export { SchemaError, SchemaTypeError, SchemaTypesError, ValidationError } from './src/errors';
export { ContextReference, Reference, SiblingReference } from './src/references';
export { ByteSizeValue, ensureByteSizeValue, type ByteSizeValueUnit } from './src/byte_size_value';
export { ensureDuration } from './src/duration';
export {
  isConfigSchema,
  Type,
  type SchemaValidationOptions,
  type TypeMeta,
  type TypeOf,
  type TypeOptions,
} from './src/types/type';
export {
  ObjectType,
  type ExtendedProps,
  type NullableProps,
  type ObjectResultType,
  type ObjectTypeOptions,
  type OptionsForUnknowns,
  type Props,
} from './src/types/object_type';
export { AnyType, NeverType } from './src/types/any_type';
export { ArrayType, type ArrayOptions } from './src/types/array_type';
export { BooleanType } from './src/types/boolean_type';
export { ByteSizeType, type ByteSizeOptions } from './src/types/byte_size_type';
export { ConditionalType, type ConditionalTypeValue } from './src/types/conditional_type';
export { DurationType, type DurationOptions } from './src/types/duration_type';
export { IntersectionType } from './src/types/intersection_type';
export { IpType, type IpOptions } from './src/types/ip_type';
export { LazyType } from './src/types/lazy_type';
export { LiteralType } from './src/types/literal_type';
export { MapOfType, type MapOfOptions } from './src/types/map_type';
export { MaybeType, NullableType } from './src/types/maybe_type';
export { NumberType, type NumberOptions } from './src/types/number_type';
export { RecordOfType, type RecordOfOptions } from './src/types/record_type';
export { StringType, type StringOptions } from './src/types/string_type';
export { UnionType } from './src/types/union_type';
export { URIType, type URIOptions } from './src/types/uri_type';
