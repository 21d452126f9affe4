/** Reading and filling the app's form fields as a user does, for the form tests. */
import { fireEvent, screen } from '@testing-library/react';

/** The input a label names (a select or autocomplete also labels its list of options). */
export function field(label: string | RegExp): HTMLInputElement | HTMLTextAreaElement {
  const input = screen
    .getAllByLabelText(label)
    .find(
      (e): e is HTMLInputElement | HTMLTextAreaElement =>
        e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement,
    );
  if (!input) throw new Error(`no input labelled ${String(label)}`);
  return input;
}

/** The error shown under a field, '' when none. */
export function errorOf(label: string | RegExp): string {
  const ids = field(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids
    .filter((id) => id.endsWith('-error'))
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join('');
}

/** The description shown under a field, '' when none. */
export function descriptionOf(label: string | RegExp): string {
  const ids = field(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids
    .filter((id) => id.endsWith('-description'))
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join('');
}

export function type(label: string | RegExp, value: string): void {
  fireEvent.change(field(label), { target: { value } });
}

/** Types into a field and leaves it: a date field reads what was typed on leaving. */
export function typeAndLeave(label: string | RegExp, value: string): void {
  const input = field(label);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
}

export const click = (name: string): void => {
  fireEvent.click(screen.getByRole('button', { name }));
};
