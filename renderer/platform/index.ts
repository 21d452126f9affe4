/** The AppApi the renderer uses: Electron's preload when present, else the browser host's. */
import type { AppApi } from '../../shared/api';
import { browserApi } from './browser';
import { electronApi } from './electron';

export const api: AppApi = electronApi() ?? browserApi();
