/*
 * The plugin manifest, `kibana.jsonc`, read the way Kibana's plugin discovery reads it: JSON with
 * comments, `plugin.configPath` defaulting to the snake_cased plugin id.
 */
import { readFileSync } from 'node:fs';

export interface PluginManifest {
  id: string;
  /** Path of the plugin's config section, e.g. `['workflows']` for `workflows:` in the yml. */
  configPath: string[];
  requiredPlugins: string[];
  optionalPlugins: string[];
  server: boolean;
  browser: boolean;
}

/** Removes `//` and `/* *\/` comments outside of strings (URLs in descriptions keep their `//`). */
export function stripJsonComments(text: string): string {
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      const start = index;
      for (index++; index < text.length && text[index] !== '"'; index++) if (text[index] === '\\') index++;
      result += text.slice(start, index + 1);
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      result += '\n';
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? text.length : end + 1;
    } else {
      result += char;
    }
  }
  return result;
}

const snakeCase = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

const stringList = (value: unknown, field: string): string[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new Error(`plugin.${field} must be a list of plugin ids`);
  return value;
};

export function readPluginManifest(file: string): PluginManifest {
  let parsed: { type?: unknown; plugin?: Record<string, unknown> };
  try {
    parsed = JSON.parse(stripJsonComments(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`Cannot read the plugin manifest ${file}: ${(error as Error).message}`);
  }
  const plugin = parsed.plugin;
  if (parsed.type !== 'plugin' || !plugin || typeof plugin.id !== 'string') {
    throw new Error(`${file} is not a plugin manifest: expected "type": "plugin" and a "plugin.id"`);
  }
  const configPath = plugin.configPath ?? snakeCase(plugin.id);
  return {
    id: plugin.id,
    configPath: Array.isArray(configPath) ? stringList(configPath, 'configPath') : String(configPath).split('.'),
    requiredPlugins: stringList(plugin.requiredPlugins, 'requiredPlugins'),
    optionalPlugins: stringList(plugin.optionalPlugins, 'optionalPlugins'),
    server: plugin.server === true,
    browser: plugin.browser === true,
  };
}
