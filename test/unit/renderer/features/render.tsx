/** Renders a screen's part as the app does: i18n in English, Mantine, the task progress provider. */
import { MantineProvider } from '@mantine/core';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { TaskProgressProvider } from '../../../../renderer/components/progress';
import { i18n } from '../../../../renderer/i18n';

export async function renderInApp(ui: ReactNode): Promise<RenderResult> {
  await i18n.changeLanguage('en');
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <TaskProgressProvider>{ui}</TaskProgressProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}
