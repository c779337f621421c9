import { CUSTOMER_TIERS, type Customer, type CustomerTier } from '@aftercare/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';

/**
 * The customer's tier: a badge for agents, a selector for supervisors and admins (the server refuses
 * agents anyway; service promises will follow the tier).
 */
export function TierControl({
  workspace,
  customer,
  editable,
}: {
  workspace: Workspace;
  customer: Customer;
  editable: boolean;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState<{ ok: boolean; code?: string } | null>(null);

  async function choose(tier: CustomerTier) {
    if (tier === customer.tier) return;
    const res = await workspace.updateCustomer({ customerId: customer.id, tier });
    setStatus('data' in res ? { ok: true } : { ok: false, code: res.error.code });
  }

  const badge = (
    <span class={`tier-badge tier-badge--${customer.tier}`} data-tier={customer.tier}>
      {t(`customerFile.tier.${customer.tier}`)}
    </span>
  );
  if (!editable) {
    return (
      <p class="tier-control">
        <span class="tier-control__label">{t('customerFile.tier')}</span> {badge}
      </p>
    );
  }
  const failed = status && !status.ok;
  return (
    <div class="tier-control">
      <label class="tier-control__label" for="customer-tier">
        {t('customerFile.tier')}
      </label>
      {badge}
      <select
        id="customer-tier"
        class="tier-control__select field__input"
        value={customer.tier}
        onChange={(event) => void choose(event.currentTarget.value as CustomerTier)}
      >
        {CUSTOMER_TIERS.map((tier) => (
          <option key={tier} value={tier}>
            {t(`customerFile.tier.${tier}`)}
          </option>
        ))}
      </select>
      <p class={failed ? 'contact-details__error' : 'sr-only'} role="status">
        {status?.ok && t('customerFile.tierSaved', { tier: t(`customerFile.tier.${customer.tier}`) })}
        {failed &&
          (status.code === 'FORBIDDEN' || status.code === 'OFFLINE'
            ? t(`customerFile.error.${status.code}`)
            : t('customerFile.error.generic'))}
      </p>
    </div>
  );
}
