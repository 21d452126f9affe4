/**
 * Ctrl/Cmd+K opens the command palette from anywhere, a text field included; what is typed before
 * its search field takes the focus (the dialog opens over a frame or two) goes into the search, not
 * into the field underneath or nowhere. Whether the palette is open is read from its store when the
 * key comes, not from the last render: just after Escape a render may still say open while the
 * palette is already closing, and Ctrl+K then opens it again.
 */
import { createSpotlight } from '@mantine/spotlight';
import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';

/** A keystroke that types a character (not a shortcut, not a named key). */
function isTyping(event: KeyboardEvent): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

function isPaletteKey(event: KeyboardEvent): boolean {
  return event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
}

/** The command palette's own store, and open/close/toggle on it. */
export const [paletteStore, palette] = createSpotlight();

/**
 * Listens for the shortcut and, until the palette's search field is focused, moves the characters
 * typed into its query. Returns the function to call when that field takes the focus.
 */
export function usePaletteShortcut(
  isOpen: boolean,
  setQuery: Dispatch<SetStateAction<string>>,
): () => void {
  const isOpening = useRef(false);
  // Closed before its search ever took the focus, and not opened again since: typing goes to the page.
  useEffect(() => {
    if (!isOpen && !paletteStore.getState().opened) isOpening.current = false;
  }, [isOpen]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isPaletteKey(event)) {
        event.preventDefault();
        if (paletteStore.getState().opened) return;
        isOpening.current = true;
        // A new search each time, also when opened again before the last one finished closing.
        setQuery('');
        palette.open();
      } else if (isOpening.current && isTyping(event)) {
        event.preventDefault();
        setQuery((query) => query + event.key);
      }
    };
    // Capture: before the field underneath types the character.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [setQuery]);
  return () => {
    isOpening.current = false;
  };
}
