import { typeDetect } from '../value_utils';
import { isIp, type IpVersion } from './network';
import { Type, type TypeOptions, type ValidationState } from './type';

export interface IpOptions extends TypeOptions<string> {
  /** Defaults to both. */
  versions?: IpVersion[];
}

export class IpType extends Type<string> {
  private readonly versions: IpVersion[];

  constructor(options: IpOptions = {}) {
    super(options);
    this.versions = options.versions ?? ['ipv4', 'ipv6'];
  }

  protected parse(value: unknown, state: ValidationState): string {
    if (typeof value !== 'string') {
      throw this.error(`expected value of type [string] but got [${typeDetect(value)}]`, state);
    }
    if (!isIp(value, this.versions)) {
      throw this.error(`value must be a valid ${this.versions.join(' or ')} address`, state);
    }
    return value;
  }
}
