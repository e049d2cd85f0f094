import { Stream } from 'node:stream';
import { typeDetect } from '../value_utils';
import { Type, type TypeOptions, type ValidationState } from './type';

/** A raw request body (routes with `body.output: 'data'` and `parse: false`). */
export class BufferType extends Type<Buffer> {
  constructor(options?: TypeOptions<Buffer>) {
    super(options);
  }

  protected parse(value: unknown, state: ValidationState): Buffer {
    if (Buffer.isBuffer(value)) return value;
    throw this.error(`expected value of type [Buffer] but got [${typeDetect(value)}]`, state);
  }
}

/** A streamed request body (routes with `body.output: 'stream'`). */
export class StreamType extends Type<Stream> {
  constructor(options?: TypeOptions<Stream>) {
    super(options);
  }

  protected parse(value: unknown, state: ValidationState): Stream {
    if (value instanceof Stream) return value;
    throw this.error(`expected value of type [Stream] but got [${typeDetect(value)}]`, state);
  }
}
