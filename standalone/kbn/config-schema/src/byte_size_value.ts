export type ByteSizeValueUnit = 'b' | 'kb' | 'mb' | 'gb';

const UNIT_BYTES: Record<ByteSizeValueUnit, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
const BYTE_FORMAT = /^(0|[1-9][0-9]*)(b|kb|mb|gb)$/i;
const PARSE_ERROR =
  "Failed to parse value as byte value. Value must be either number of bytes, or follow the format <count>[b|kb|mb|gb] (e.g., '1024kb', '200mb', '1gb'), where the number is a safe positive integer.";

/** A size in bytes, written in config as `'10mb'` or a byte count. */
export class ByteSizeValue {
  static parse(text: string): ByteSizeValue {
    const match = BYTE_FORMAT.exec(text);
    if (!match) {
      const bytes = Number(text);
      if (text.trim() === '' || !Number.isSafeInteger(bytes)) throw new Error(PARSE_ERROR);
      return new ByteSizeValue(bytes);
    }
    return new ByteSizeValue(parseInt(match[1], 10) * UNIT_BYTES[match[2].toLowerCase() as ByteSizeValueUnit]);
  }

  constructor(private readonly valueInBytes: number) {
    if (!Number.isSafeInteger(valueInBytes) || valueInBytes < 0) {
      throw new Error(`Value in bytes is expected to be a safe positive integer.`);
    }
  }

  getValueInBytes(): number {
    return this.valueInBytes;
  }

  isGreaterThan(other: ByteSizeValue): boolean {
    return this.valueInBytes > other.valueInBytes;
  }

  isLessThan(other: ByteSizeValue): boolean {
    return this.valueInBytes < other.valueInBytes;
  }

  isEqualTo(other: ByteSizeValue): boolean {
    return this.valueInBytes === other.valueInBytes;
  }

  /** Uses the largest unit the value reaches, e.g. `1536` → `'1.5kb'`. */
  toString(unit?: ByteSizeValueUnit): string {
    const chosen =
      unit ?? (['gb', 'mb', 'kb'] as const).find((candidate) => this.valueInBytes >= UNIT_BYTES[candidate]) ?? 'b';
    return `${Number((this.valueInBytes / UNIT_BYTES[chosen]).toFixed(2))}${chosen}`;
  }
}

export function ensureByteSizeValue(value: ByteSizeValue | string | number): ByteSizeValue {
  if (typeof value === 'string') return ByteSizeValue.parse(value);
  if (typeof value === 'number') return new ByteSizeValue(value);
  return value;
}
