/** Renderer entry: opens the local database, asks for persistent storage, and renders the app. */
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './styles.css';
import { setNonce } from 'get-nonce';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root';
import { styleNonce } from './app/theme';
import { setReadOnly } from './db/changes';
import { openDatabase } from './db/database';
import { db } from './db/instance';
import './i18n';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing');
  // Scroll locking (react-remove-scroll) injects <style> through get-nonce: give it the CSP nonce too.
  setNonce(styleNonce());
  const state = await openDatabase(db);
  setReadOnly(state.status === 'ready' && state.isReadOnly);
  void navigator.storage?.persist?.().catch(() => false);
  createRoot(container).render(<Root openState={state} />);
}

void start();
