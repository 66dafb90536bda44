import { useEffect, useState } from 'react';
import {
  AllCommunityModule,
  ModuleRegistry,
  colorSchemeDark,
  themeQuartz,
  type Theme,
} from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

const base = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  spacing: 6,
  rowHeight: 32,
  headerHeight: 36,
  wrapperBorderRadius: 4,
  accentColor: '#3b5bdb',
});
const light = base;
const dark = base.withPart(colorSchemeDark).withParams({ accentColor: '#8ea2ff' });

function prefersDark(): boolean {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

/** The AG Grid theme that matches the system's light or dark setting, following changes live. */
export function useGridTheme(): Theme {
  const [isDark, setDark] = useState(prefersDark);
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    const onChange = (): void => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return isDark ? dark : light;
}
