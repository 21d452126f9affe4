/**
 * The report's typeface, Noto Sans (SIL Open Font License), in the PDF and in the chart pictures:
 * each face found and parsed once per process, when first drawn (parsing it is most of a small PDF's
 * time).
 */
import { createRequire as requireFrom } from 'node:module';
import * as fontkit from 'fontkit';

const FONT_FILES = {
  body: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
};

export type Face = keyof typeof FONT_FILES;

const loaded = new Map<Face, fontkit.Font>();

export function reportFont(face: Face): fontkit.Font {
  let font = loaded.get(face);
  if (!font) {
    const file = requireFrom(__filename).resolve(FONT_FILES[face]);
    font = fontkit.openSync(file) as fontkit.Font;
    loaded.set(face, font);
  }
  return font;
}
