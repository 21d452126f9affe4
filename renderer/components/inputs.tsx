/**
 * The app's date, date-time and duration fields: a calendar in the user's language, the same format as
 * everywhere else on screen, and typed text read by shared/i18n/parse-input (2026-12-01, 1/12/2026,
 * "1 dec 2026"; "0:45", "45 min", "1,5 h").
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDateText, parseDateTimeText, parseDurationText } from '../../shared/i18n/parse-input';
import { hoursText } from '../../shared/service/time';
import { useFormat } from './format';

type CalendarProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** YYYY-MM-DD for a date, an ISO instant for a moment; empty when none. */
  value: string | null;
  onChange: (value: string | null) => void;
};

/**
 * Mantine's typed calendar input, made polite inside a dialog: Escape while the calendar is open
 * closes the calendar only (the dialog and what was typed in it stay).
 */
function CalendarInput({
  required,
  ...props
}: Omit<DateInputProps, 'onFocus' | 'onBlur' | 'onClick' | 'onKeyDown'>) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <DateInput
      ariaLabels={{
        previousMonth: t('inputs.calendar.previousMonth'),
        nextMonth: t('inputs.calendar.nextMonth'),
        previousYear: t('inputs.calendar.previousYear'),
        nextYear: t('inputs.calendar.nextYear'),
        previousDecade: t('inputs.calendar.previousDecade'),
        nextDecade: t('inputs.calendar.nextDecade'),
      }}
      hideOutsideDates
      clearable={!required}
      required={required}
      data-mantine-stop-propagation={isOpen ? 'true' : undefined}
      onFocus={() => setOpen(true)}
      onClick={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
      {...props}
    />
  );
}

export function DateField({ value, onChange, ...props }: CalendarProps) {
  const format = useFormat();
  return (
    <CalendarInput
      value={value || null}
      onChange={(next) => onChange(next ? next.slice(0, 10) : null)}
      valueFormat={(date) => format.date(date)}
      dateParser={parseDateText}
      {...props}
    />
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the picker's local "YYYY-MM-DD HH:MM:SS". */
function localValue(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:00`;
}

/** A moment to the minute in local time, stored as an ISO instant. */
export function DateTimeField({ value, onChange, ...props }: CalendarProps) {
  const format = useFormat();
  return (
    <CalendarInput
      withTime
      value={localValue(value)}
      onChange={(next) => onChange(next ? new Date(next.replace(' ', 'T')).toISOString() : null)}
      valueFormat={(local) => format.dateTime(local.replace(' ', 'T'))}
      dateParser={parseDateTimeText}
      {...props}
    />
  );
}

type DurationProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  /** Minutes; NaN while the typed text is no duration. */
  value: number;
  onChange: (minutes: number) => void;
};

/**
 * A duration typed as the user thinks of it. The figure follows every keystroke (Enter saves what is
 * shown); text that is no duration says so and is kept, never swapped back for the old value.
 */
export function DurationField({ value, onChange, error, ...props }: DurationProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(() => ({
    text: Number.isFinite(value) ? hoursText(value) : '',
    value,
  }));
  // Only an outside change of the figure (a reset after saving) rewrites the text.
  if (!Object.is(value, shown.value))
    setShown({
      text:
        Number.isFinite(value) && parseDurationText(shown.text) !== value
          ? hoursText(value)
          : shown.text,
      value,
    });
  const text = shown.text;
  const setText = (next: string) => setShown((s) => ({ ...s, text: next }));
  const parsed = parseDurationText(text);
  return (
    <TextInput
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChange(parseDurationText(next) ?? Number.NaN);
      }}
      onBlur={() => {
        if (parsed !== null) setText(hoursText(parsed));
      }}
      error={text.trim() && parsed === null ? t('inputs.notDuration', { text }) : error}
      placeholder="0:45"
      {...props}
    />
  );
}
