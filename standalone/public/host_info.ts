/** What the host server writes into the page before loading the bundle. */
export interface HostInfo {
  basePath: string;
  version: string;
}

declare global {
  interface Window {
    __kbnHostInfo?: HostInfo;
  }
}

export const readHostInfo = (): HostInfo => window.__kbnHostInfo ?? { basePath: '', version: '0.0.0' };
