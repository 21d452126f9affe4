/** Window size and position, remembered between runs and kept on a screen that still exists. */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../services/atomic-write';
import { DEFAULT_BOUNDS, type WindowBounds } from './window';

export interface WindowState extends WindowBounds {
  isMaximized: boolean;
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The saved bounds when at least 100 × 50 px of the title bar area shows on a display; else the defaults. */
export function fitToDisplays(
  saved: Partial<WindowState> | null,
  displays: readonly Area[],
): WindowState {
  const fallback: WindowState = { ...DEFAULT_BOUNDS, isMaximized: false };
  if (!saved || typeof saved.width !== 'number' || typeof saved.height !== 'number')
    return fallback;
  const width = Math.max(960, Math.min(saved.width, 10000));
  const height = Math.max(600, Math.min(saved.height, 10000));
  const isMaximized = saved.isMaximized === true;
  if (typeof saved.x !== 'number' || typeof saved.y !== 'number')
    return { width, height, isMaximized };
  const { x, y } = saved;
  const isVisible = displays.some(
    (d) =>
      x + width - 100 >= d.x && x + 100 <= d.x + d.width && y >= d.y && y + 50 <= d.y + d.height,
  );
  return isVisible ? { x, y, width, height, isMaximized } : { width, height, isMaximized };
}

export async function loadWindowState(
  path: string,
  displays: readonly Area[],
): Promise<WindowState> {
  try {
    return fitToDisplays(
      JSON.parse(await readFile(path, 'utf8')) as Partial<WindowState>,
      displays,
    );
  } catch {
    return fitToDisplays(null, displays);
  }
}

export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  await writeFileAtomic(path, new TextEncoder().encode(JSON.stringify(state)));
}
