import { isTemplated, parseDurationMs } from './durations';

describe('parseDurationMs', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['15m', 900_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    ['1w', 604_800_000],
    [' 5s ', 5000],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  it.each(['5', '5 s', '1.5s', '5sec', 's', '-1s', '1y'])('rejects %j', (text) => {
    expect(parseDurationMs(text)).toBeUndefined();
  });
});

describe('isTemplated', () => {
  it.each([
    ['{{ inputs.wait }}', true],
    ['{% if x %}1s{% endif %}', true],
    ['30s', false],
  ])('%j → %s', (text, expected) => {
    expect(isTemplated(text)).toBe(expected);
  });
});
