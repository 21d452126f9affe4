/** The term's dates as the contract editor's fields give them, computed as the user types. */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readContractDraft, type ContractDraft } from '../../../shared/contracts/draft';
import { contractTerm } from '../../../shared/contracts/standing';
import { useFormat } from '../../components/format';
import type { Settings } from '../../db/settings';

export function TermPreview({ draft, settings }: { draft: ContractDraft; settings: Settings }) {
  const { t } = useTranslation();
  const format = useFormat();
  const read = readContractDraft(draft, settings.partner.defaultCurrency);
  if (!read.contract) return null;
  const term = contractTerm(read.contract);
  return (
    <Text size="sm" c="dimmed" data-testid="term-preview">
      {t('contract.termPreview', {
        end: format.date(term.end),
        adjustment: format.month(term.adjustmentMonth),
        renewal: format.date(term.renewal),
      })}
    </Text>
  );
}
