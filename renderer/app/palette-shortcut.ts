/**
 * Ctrl/Cmd+K opens the command palette from anywhere, a text field included; what is typed before
 * its search field takes the focus (the dialog opens over a frame or two) goes into the search, not
 * into the field underneath or nowhere.
 */
import { spotlight } from '@mantine/spotlight';
import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';

/** A keystroke that types a character (not a shortcut, not a named key). */
function isTyping(event: KeyboardEvent): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

function isPaletteKey(event: KeyboardEvent): boolean {
  return event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
}

/**
 * Listens for the shortcut and, until the palette's search field is focused, moves the characters
 * typed into its query. Returns the function to call when that field takes the focus.
 */
export function usePaletteShortcut(
  isOpen: boolean,
  setQuery: Dispatch<SetStateAction<string>>,
): () => void {
  const isOpening = useRef(false);
  // Closed before its search ever took the focus: typing goes to the page again.
  useEffect(() => {
    if (!isOpen) isOpening.current = false;
  }, [isOpen]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isPaletteKey(event)) {
        event.preventDefault();
        if (isOpen) return;
        isOpening.current = true;
        // A new search each time, also when opened again before the last one finished closing.
        setQuery('');
        spotlight.open();
      } else if (isOpening.current && isTyping(event)) {
        event.preventDefault();
        setQuery((query) => query + event.key);
      }
    };
    // Capture: before the field underneath types the character.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [isOpen, setQuery]);
  return () => {
    isOpening.current = false;
  };
}
