import { formatDuration } from './format';

describe('formatDuration', () => {
  const start = '2025-01-01T10:00:00.000Z';
  it.each([
    ['2025-01-01T10:00:00.250Z', '250 ms'],
    ['2025-01-01T10:00:04.500Z', '4.5 s'],
    ['2025-01-01T10:02:05.000Z', '2m 5s'],
    ['2025-01-01T13:15:00.000Z', '3h 15m'],
  ])('from 10:00:00 to %s is %s', (finishedAt, expected) => {
    expect(formatDuration(start, finishedAt)).toBe(expected);
  });

  it('measures a run still going up to now', () => {
    expect(formatDuration(start, null, Date.parse('2025-01-01T10:00:01.000Z'))).toBe('1.0 s');
  });

  it('shows a dash for a run that has not started', () => {
    expect(formatDuration(null, null)).toBe('—');
  });
});
