import moment from 'moment';

/** Kibana's default `dateFormat` advanced setting. */
const DATE_FORMAT = 'MMM D, YYYY @ HH:mm:ss.SSS';

export const formatTimestamp = (iso: string | null | undefined): string => (iso ? moment(iso).format(DATE_FORMAT) : '—');

export const formatRelative = (iso: string | null | undefined): string => (iso ? moment(iso).fromNow() : '—');

/** Duration between two timestamps; a run still going is measured up to `now`. */
export const formatDuration = (startedAt: string | null | undefined, finishedAt: string | null | undefined, now = Date.now()): string => {
  if (!startedAt) return '—';
  const ms = Math.max(0, (finishedAt ? Date.parse(finishedAt) : now) - Date.parse(startedAt));
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m ${Math.floor((ms % 60_000) / 1000)}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
};
