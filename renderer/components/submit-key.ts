/** Ctrl/Cmd+Enter: the dialog's main action, from any field, a multi-line note included. */
export function isSubmitKey(event: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}
