/**
 * Text from users' files on its way to a terminal: control characters (C0 but tab and newline, DEL, C1),
 * line and paragraph separators and bidi controls are shown as \uXXXX escapes, so a file can neither
 * move the cursor, recolour the screen nor reorder what is printed. Inside JSON strings the same
 * escape is valid JSON, so one function serves both outputs.
 */
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
