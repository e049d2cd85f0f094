import moment from 'moment';
import { ByteSizeValue } from '../byte_size_value';
import { schema } from '../schema';
import { failureOf } from '../test_helpers';

describe('schema.duration', () => {
  it.each([
    ['5s', 5000],
    ['500ms', 500],
    ['1m', 60_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    [1500, 1500],
    ['1500', 1500],
    [0, 0],
  ])('%p is %d ms', (input, milliseconds) => {
    const result = schema.duration().validate(input);
    expect(moment.isDuration(result)).toBe(true);
    expect(result.asMilliseconds()).toBe(milliseconds);
  });

  it('returns a given Duration as is', () => {
    const value = moment.duration(3, 'seconds');
    expect(schema.duration().validate(value)).toBe(value);
  });

  it.each([
    ['a string default', '5s', 5000],
    ['a number default', 250, 250],
    ['a function default', () => '1m', 60_000],
  ])('converts %s', (_, defaultValue, milliseconds) => {
    expect(schema.duration({ defaultValue }).validate(undefined).asMilliseconds()).toBe(milliseconds);
  });

  const parseError =
    "Failed to parse value as time value. Value must be a duration in milliseconds, or follow the format <count>[ms|s|m|h|d|w|M|Y] (e.g. '70ms', '5s', '3d', '1Y'), where the duration is a safe positive integer.";

  it.each([
    ['5 s', parseError],
    ['-1s', parseError],
    [-5, parseError],
    [1.5, parseError],
    ['', parseError],
    [true, 'expected value of type [moment.Duration] but got [boolean]'],
    [undefined, 'expected value of type [moment.Duration] but got [undefined]'],
  ])('rejects %p', (input, message) => {
    expect(failureOf(schema.duration(), input)).toBe(message);
  });

  it('fails at build time on a bad default', () => {
    expect(() => schema.duration({ defaultValue: 'soon' })).toThrow(parseError);
  });
});

describe('schema.byteSize', () => {
  it.each([
    ['1kb', 1024],
    ['10MB', 10 * 1024 ** 2],
    ['1gb', 1024 ** 3],
    ['12', 12],
    [12, 12],
  ])('%p is %d bytes', (input, bytes) => {
    expect(schema.byteSize().validate(input).getValueInBytes()).toBe(bytes);
  });

  it('applies defaults and bounds', () => {
    const type = schema.byteSize({ defaultValue: '1mb', min: '1kb', max: '2mb' });
    expect(type.validate(undefined).getValueInBytes()).toBe(1024 ** 2);
    expect(failureOf(type, 1000)).toBe('Value must be equal to or greater than [1kb]');
    expect(failureOf(type, '3mb')).toBe('Value must be equal to or lower than [2mb]');
  });

  it.each([
    ['1tb', "Failed to parse value as byte value. Value must be either number of bytes, or follow the format <count>[b|kb|mb|gb] (e.g., '1024kb', '200mb', '1gb'), where the number is a safe positive integer."],
    [-1, 'Value in bytes is expected to be a safe positive integer.'],
    [null, 'expected value of type [ByteSize] but got [null]'],
  ])('rejects %p', (input, message) => {
    expect(failureOf(schema.byteSize(), input)).toBe(message);
  });

  it.each([
    [1536, undefined, '1.5kb'],
    [500, undefined, '500b'],
    [1024 ** 3, 'mb' as const, '1024mb'],
  ])('prints %d bytes as %s', (bytes, unit, text) => {
    expect(new ByteSizeValue(bytes).toString(unit)).toBe(text);
  });
});
