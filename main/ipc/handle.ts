/**
 * The one IPC handler registry. Every capability is registered through handle(): it checks that the
 * call comes from our own top-level app:// frame and validates the input against shared/api.ts before
 * the implementation runs. No other file calls ipcMain.handle.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  API,
  channelOf,
  type AppApi,
  type Capability,
  type CapabilityInput,
} from '../../shared/api';
import { issueMessage } from '../../shared/errors';

/** The origin the renderer is served from. Chosen once, never changed: IndexedDB data belongs to it. */
export const APP_ORIGIN = 'app://workstation';

export interface SenderFrame {
  url: string;
  /** null for the top-level frame. */
  parent: unknown;
}

/** True only for our own top-level frame served from app://workstation. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export class UntrustedSenderError extends Error {
  constructor(capability: string) {
    super(`refused ${capability}: the call did not come from the app window`);
    this.name = 'UntrustedSenderError';
  }
}

type Implementation<C extends Capability> = (
  input: CapabilityInput<C>,
  event: IpcMainInvokeEvent,
) => ReturnType<Extract<AppApi[C], (...args: never[]) => unknown>>;

/** Registers one capability with its sender check and input validation. */
export function handle<C extends Capability>(
  ipcMain: Pick<IpcMain, 'handle'>,
  capability: C,
  implementation: Implementation<C>,
): void {
  ipcMain.handle(channelOf(capability), async (event, raw: unknown) => {
    if (!isTrustedSender(event.senderFrame)) throw new UntrustedSenderError(capability);
    const parsed = API[capability].input.safeParse(raw ?? {});
    if (!parsed.success) {
      throw new Error(`invalid ${capability} request: ${issueMessage(parsed.error)}`);
    }
    return implementation(parsed.data as CapabilityInput<C>, event);
  });
}
