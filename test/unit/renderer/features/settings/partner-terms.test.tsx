/**
 * The partner terms form (PartnerTerms): what it saves from what is typed. The eligibility minimum is a
 * whole number of 0 or more (TERMS.md §1), "approaching" a percentage of at most 100, an inventory
 * goes stale after at least a day.
 */
import { cleanup, fireEvent } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PartnerTerms } from '../../../../../renderer/features/settings/PartnerTerms';
import { partnerSettings, type PartnerSettings } from '../../../../../shared/terms/settings';
import { click, field } from '../form-helpers';
import { renderInApp } from '../render';

afterEach(cleanup);

async function saved(
  typed: Record<string, string>,
  partner = partnerSettings(),
): Promise<PartnerSettings> {
  const onSave = vi.fn((_: PartnerSettings) => Promise.resolve());
  await renderInApp(<PartnerTerms partner={partner} onSave={onSave} />);
  for (const [label, value] of Object.entries(typed)) {
    const input = field(label);
    fireEvent.change(input, { target: { value } });
    fireEvent.blur(input);
  }
  click('Save');
  expect(onSave).toHaveBeenCalledTimes(1);
  const [answer] = onSave.mock.calls[0] ?? [];
  if (!answer) throw new Error('nothing saved');
  return answer;
}

describe('the partner terms form', () => {
  it('saves what was typed and keeps every other term as it was', async () => {
    expect(
      await saved({
        'Eligibility minimum, Video': '10',
        'Inventory needs a new import after (days)': '45',
        'Approaching the baseline from': '90',
      }),
    ).toEqual({
      ...partnerSettings(),
      eligibilityMinimum: { headsets: 0, video: 10, voice: 0 },
      staleInventoryDays: 45,
      approachingPct: 90,
    });
  });

  it('keeps "approaching" at 100 % at most', async () => {
    expect((await saved({ 'Approaching the baseline from': '150' })).approachingPct).toBe(100);
  });

  it('an inventory is stale after one day at the least', async () => {
    expect(
      (await saved({ 'Inventory needs a new import after (days)': '0' })).staleInventoryDays,
    ).toBe(1);
  });

  it('an eligibility minimum below 0 is saved as 0, not as the minimum it replaced', async () => {
    const partner = partnerSettings({ eligibilityMinimum: { headsets: 30, video: 5, voice: 0 } });
    expect(
      (await saved({ 'Eligibility minimum, Headsets': '-5' }, partner)).eligibilityMinimum,
    ).toEqual({ headsets: 0, video: 5, voice: 0 });
  });
});
