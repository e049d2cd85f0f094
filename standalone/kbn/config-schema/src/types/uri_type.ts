import { typeDetect } from '../value_utils';
import { uriScheme } from './network';
import { Type, type TypeOptions, type ValidationState } from './type';

export interface URIOptions extends TypeOptions<string> {
  scheme?: string | string[];
}

export class URIType extends Type<string> {
  private readonly schemes?: string[];

  constructor(options: URIOptions = {}) {
    super(options);
    if (options.scheme !== undefined) {
      this.schemes = Array.isArray(options.scheme) ? options.scheme : [options.scheme];
    }
  }

  protected parse(value: unknown, state: ValidationState): string {
    if (typeof value !== 'string') {
      throw this.error(`expected value of type [string] but got [${typeDetect(value)}]`, state);
    }
    const scheme = uriScheme(value);
    if (scheme === undefined) throw this.error('value must be a valid URI (see RFC 3986).', state);
    if (this.schemes && !this.schemes.some((allowed) => allowed.toLowerCase() === scheme.toLowerCase())) {
      throw this.error(`expected URI with scheme [${this.schemes.join('|')}].`, state);
    }
    return value;
  }
}
