/**
 * The report's typeface, Noto Sans (SIL Open Font License), in the PDF and in the chart pictures:
 * each face read and parsed once per process (parsing it is most of a small PDF's time).
 */
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(__filename);

const FONT_FILES = {
  body: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};

export type Face = keyof typeof FONT_FILES;

const loaded = new Map<Face, fontkit.Font>();

export function reportFont(face: Face): fontkit.Font {
  let font = loaded.get(face);
  if (!font) {
    font = fontkit.openSync(FONT_FILES[face]) as fontkit.Font;
    loaded.set(face, font);
  }
  return font;
}
