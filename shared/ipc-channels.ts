/** IPC channel names, kept apart from the schemas so the preload bundles no validation library. */
export const channelOf = <C extends string>(capability: C) => `api:${capability}` as const;
export const PROGRESS_CHANNEL = 'event:progress';
export const MENU_CHANNEL = 'event:menu';
