import type { Customer } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';
import './style.css';

/**
 * "Verified" beside a shopper the shop vouched for (identity verification: the page passed a valid
 * HMAC of the shop's user id). Nothing for anonymous or unverified shoppers, whose name and email
 * are only what they typed.
 */
export function VerifiedBadge({ customer }: { customer: Pick<Customer, 'externalId' | 'verifiedAt'> | null }) {
  const { t } = useI18n();
  if (!customer?.externalId || customer.verifiedAt === undefined) return null;
  return (
    <span
      class="verified-badge"
      data-testid="verified-badge"
      title={t('identity.verifiedTitle', { id: customer.externalId })}
    >
      <span aria-hidden="true">✓ </span>
      {t('identity.verified')}
    </span>
  );
}
