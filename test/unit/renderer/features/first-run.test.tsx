import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { TaskProgressProvider } from '../../../../renderer/components/progress';
import { db } from '../../../../renderer/db/instance';
import { readSettings } from '../../../../renderer/db/settings';
import { FirstRun } from '../../../../renderer/features/first-run/FirstRun';
import { i18n } from '../../../../renderer/i18n';

function renderFirstRun() {
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <TaskProgressProvider>
          <FirstRun />
        </TaskProgressProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}

afterEach(async () => {
  cleanup();
  await db.settings.clear();
  await db.changes.clear();
});

describe('first run', () => {
  it('asks for a name before anything is written', async () => {
    await db.open();
    renderFirstRun();
    fireEvent.click(screen.getByRole('button', { name: 'Start with an empty portfolio' }));
    expect(await screen.findByText('Enter your name')).toBeTruthy();
    expect((await readSettings(db)).userName).toBe('');
  });

  it('stores the name, with the change it makes in the log', async () => {
    await db.open();
    renderFirstRun();
    fireEvent.change(screen.getByLabelText(/Your name/), { target: { value: '  Åsa Öberg ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start with an empty portfolio' }));
    await waitFor(async () => expect((await readSettings(db)).userName).toBe('Åsa Öberg'));
    const [change] = await db.changes.toArray();
    expect(change).toMatchObject({
      user: 'Åsa Öberg',
      entity: 'setting',
      entityId: 'userName',
      after: 'Åsa Öberg',
    });
  });
});
