import {
  createTheme,
  Drawer,
  Modal,
  Notification,
  type CSSVariablesResolver,
  type MantineThemeOverride,
} from '@mantine/core';

/**
 * The app's theme, with every close button (toasts, dialogs, drawers) named in the UI's language: a
 * toast still open when a screen changes must not leave an unnamed button behind (axe checks it).
 */
export function appTheme(closeLabel: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': closeLabel };
  return createTheme({
    ...base,
    components: {
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
    },
  });
}

const base = createTheme({
  primaryColor: 'indigo',
  // Darker shades and text picked by contrast keep every filled colour at WCAG AA (axe checks it).
  primaryShade: { light: 9, dark: 7 },
  autoContrast: true,
  luminanceThreshold: 0.18,
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, sans-serif',
  headings: { fontWeight: '650' },
});

/** The per-response style nonce the server put in index.html (Mantine tags its <style> elements with it). */
export function styleNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
}

/**
 * Mantine's dimmed text (gray 6 on white, about 3.3:1) is below WCAG AA for small text; ours is darker
 * in the light theme and lighter in the dark one (both above 7:1).
 */
export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Light-variant text (the active navigation link, light badges) stays AA on its hover background too.
    '--mantine-color-indigo-light-color': 'var(--mantine-color-indigo-9)',
    '--mantine-color-indigo-light-hover': 'var(--mantine-color-indigo-1)',
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
