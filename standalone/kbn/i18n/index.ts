/*
 * The slice of Kibana's `@kbn/i18n` the plugin uses. Kibana formats ICU messages with intl-messageformat;
 * the host has one locale (English), so a message is its `defaultMessage` with `{name}` placeholders filled.
 */
export type TranslateValues = Record<string, string | number | boolean | Date | null | undefined>;

export interface TranslateArguments {
  defaultMessage: string;
  values?: TranslateValues;
  description?: string;
  ignoreTag?: boolean;
}

export const formatMessage = (message: string, values: TranslateValues = {}): string =>
  message.replace(/\{\s*(\w+)\s*\}/g, (placeholder, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : placeholder,
  );

export const i18n = {
  translate(id: string, { defaultMessage, values }: TranslateArguments): string {
    if (typeof defaultMessage !== 'string') {
      throw new Error(`[i18n] defaultMessage is required for "${id}"`);
    }
    return formatMessage(defaultMessage, values);
  },
  getLocale: (): string => 'en',
};
