import type { Duration } from 'moment';
import type { Stream } from 'node:stream';
import type { ByteSizeValue } from './byte_size_value';
import { ContextReference, type Reference, SiblingReference } from './references';
import { AnyType, NeverType } from './types/any_type';
import { type ArrayOptions, ArrayType } from './types/array_type';
import { BooleanType, type BooleanOptions } from './types/boolean_type';
import { BufferType, StreamType } from './types/buffer_stream_types';
import { type ByteSizeOptions, ByteSizeType } from './types/byte_size_type';
import { ConditionalType, type ConditionalTypeValue } from './types/conditional_type';
import { type DurationOptions, DurationType } from './types/duration_type';
import { IntersectionType, type IntersectionProps } from './types/intersection_type';
import { type IpOptions, IpType } from './types/ip_type';
import { LazyType } from './types/lazy_type';
import { LiteralType, type LiteralValue } from './types/literal_type';
import { type MapOfOptions, MapOfType } from './types/map_type';
import { MaybeType, NullableType } from './types/maybe_type';
import { type NumberOptions, NumberType } from './types/number_type';
import { ObjectType, type ObjectTypeOptions, type Props } from './types/object_type';
import { type RecordOfOptions, RecordOfType } from './types/record_type';
import { type StringOptions, StringType } from './types/string_type';
import type { Type, TypeOf, TypeOptions } from './types/type';
import { UnionType } from './types/union_type';
import { type URIOptions, URIType } from './types/uri_type';

function any(options?: TypeOptions<any>): Type<any> {
  return new AnyType(options);
}

function never(): Type<never> {
  return new NeverType();
}

function boolean(options?: BooleanOptions): Type<boolean> {
  return new BooleanType(options);
}

function buffer(options?: TypeOptions<Buffer>): Type<Buffer> {
  return new BufferType(options);
}

function stream(options?: TypeOptions<Stream>): Type<Stream> {
  return new StreamType(options);
}

function string(options?: StringOptions): Type<string> {
  return new StringType(options);
}

function uri(options?: URIOptions): Type<string> {
  return new URIType(options);
}

function ip(options?: IpOptions): Type<string> {
  return new IpType(options);
}

function literal<T extends LiteralValue>(value: T): Type<T> {
  return new LiteralType(value);
}

function number(options?: NumberOptions): Type<number> {
  return new NumberType(options);
}

function byteSize(options?: ByteSizeOptions): Type<ByteSizeValue> {
  return new ByteSizeType(options);
}

function duration(options?: DurationOptions): Type<Duration> {
  return new DurationType(options);
}

function maybe<V>(type: Type<V>): Type<V | undefined> {
  return new MaybeType(type);
}

function nullable<V>(type: Type<V>): Type<V | null> {
  return new NullableType(type);
}

function object<P extends Props>(props: P, options?: ObjectTypeOptions<P>): ObjectType<P> {
  return new ObjectType(props, options);
}

function arrayOf<T>(itemType: Type<T>, options?: ArrayOptions<T>): Type<T[]> {
  return new ArrayType(itemType, options);
}

function recordOf<K extends string, V>(keyType: Type<K>, valueType: Type<V>, options?: RecordOfOptions<K, V>): Type<Record<K, V>> {
  return new RecordOfType(keyType, valueType, options);
}

function mapOf<K, V>(keyType: Type<K>, valueType: Type<V>, options?: MapOfOptions<K, V>): Type<Map<K, V>> {
  return new MapOfType(keyType, valueType, options);
}

function oneOf<RTS extends Array<Type<any>>>(types: [...RTS], options?: TypeOptions<TypeOf<RTS[number]>>): Type<TypeOf<RTS[number]>> {
  return new UnionType(types, options);
}

function allOf<RTS extends Array<ObjectType<any>>>(
  types: [...RTS],
  options?: ObjectTypeOptions<IntersectionProps<RTS>>
): ObjectType<IntersectionProps<RTS>> {
  return new IntersectionType(types, options);
}

// `T = any` because references are usually written without a type argument, as in Kibana.
function siblingRef<T = any>(key: string): SiblingReference<T> {
  return new SiblingReference<T>(key);
}

function contextRef<T = any>(key: string): ContextReference<T> {
  return new ContextReference<T>(key);
}

function conditional<A extends ConditionalTypeValue, B, C>(
  leftOperand: Reference<A>,
  rightOperand: Reference<A> | A | Type<unknown>,
  equalType: Type<B>,
  notEqualType: Type<C>,
  options?: TypeOptions<B | C>
): Type<B | C> {
  return new ConditionalType(leftOperand, rightOperand, equalType, notEqualType, options);
}

function lazy<T>(id: string): Type<T> {
  return new LazyType<T>(id);
}

export const schema = {
  allOf,
  any,
  arrayOf,
  boolean,
  buffer,
  byteSize,
  conditional,
  contextRef,
  duration,
  intersection: allOf,
  ip,
  lazy,
  literal,
  mapOf,
  maybe,
  never,
  nullable,
  number,
  object,
  oneOf,
  recordOf,
  siblingRef,
  stream,
  string,
  union: oneOf,
  uri,
};

export type Schema = typeof schema;
