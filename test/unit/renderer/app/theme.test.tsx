import { MantineProvider, Modal, Notification } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appTheme } from '../../../../renderer/app/theme';

afterEach(cleanup);

describe('the app theme', () => {
  it('names every close button in the language it is given: toasts and dialogs alike', () => {
    render(
      <MantineProvider theme={appTheme('Stäng')}>
        <Notification onClose={() => undefined}>Sparat</Notification>
        <Modal opened onClose={() => undefined} title="Avtal">
          Innehåll
        </Modal>
      </MantineProvider>,
    );
    const closers = screen.getAllByRole('button', { name: 'Stäng' });
    expect(closers).toHaveLength(2);
    expect(screen.queryAllByRole('button').filter((b) => !b.getAttribute('aria-label'))).toEqual(
      [],
    );
  });
});
