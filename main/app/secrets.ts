/** The desktop's Sealer: Electron's safeStorage (Keychain, DPAPI, or the Linux keyring). */
import type { Sealer } from '../services/lens/connections';

export interface OsSecretStore {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
  /**
   * Linux only: the store safeStorage uses. `basic_text` means no keyring was found and secrets would
   * be sealed with a password written in Electron itself, which protects nothing.
   */
  getSelectedStorageBackend?(): string;
}

const NO_STORE =
  'this computer offers no protected storage for the Lens secret (on Linux, a keyring such as GNOME Keyring or KWallet): nothing was saved';

const BASIC_TEXT =
  'no keyring is running on this Linux computer, so the Lens secret could only be sealed with a password built into Electron, which anyone who can read your files could open: nothing was saved. Install a keyring (GNOME Keyring with libsecret, e.g. the gnome-keyring and libsecret-1-0 packages, or KWallet), make sure it is unlocked when you sign in, and save again';

export function osSealer(
  store: OsSecretStore,
  platform: NodeJS.Platform = process.platform,
): Sealer {
  return {
    kind: 'os',
    seal(secret) {
      if (!store.isEncryptionAvailable()) throw new Error(NO_STORE);
      if (platform === 'linux' && store.getSelectedStorageBackend?.() === 'basic_text')
        throw new Error(BASIC_TEXT);
      return store.encryptString(secret).toString('base64');
    },
    open: (sealed) => store.decryptString(Buffer.from(sealed, 'base64')),
  };
}
