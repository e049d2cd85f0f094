import type { Observable } from 'rxjs';

export interface CoreTheme {
  darkMode: boolean;
  name: string;
}

export interface ThemeServiceSetup {
  theme$: Observable<CoreTheme>;
  getTheme(): CoreTheme;
}

export type ThemeServiceStart = ThemeServiceSetup;
