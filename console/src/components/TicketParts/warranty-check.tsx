import type { Agent, Remedy, WarrantyCheck, WarrantyOverride } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';
import { personName, remedyText } from './ticket-text.js';
import './style.css';

export interface WarrantyCheckViewProps {
  check: WarrantyCheck;
  /** The remedy chosen, highlighted in the list. */
  chosen: Remedy;
  override: WarrantyOverride | null;
  agents: Record<string, Agent>;
}

/**
 * Which remedies the purchase date allows and why (refund / replace / repair, each with its last
 * covered day), plus any exception an agent granted.
 */
export function WarrantyCheckView({ check, chosen, override, agents }: WarrantyCheckViewProps) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div class="warranty-check">
      <p class="warranty-check__summary">
        {check.purchaseDate === null
          ? t('tickets.warranty.noDate')
          : t('tickets.warranty.days', { date: check.purchaseDate, days: check.daysSincePurchase ?? 0 })}
        {check.category && ` ${t('tickets.warranty.category', { category: check.category })}`}
      </p>
      <ul class="warranty-check__remedies">
        {check.remedies.map((entry) => (
          <li
            key={entry.remedy}
            class={`warranty-check__remedy warranty-check__remedy--${entry.allowed ? 'allowed' : 'refused'}`}
            aria-current={entry.remedy === chosen ? 'true' : undefined}
          >
            <span aria-hidden="true">{entry.allowed ? '✓ ' : '✗ '}</span>
            {t(`tickets.warranty.${entry.reason}`, {
              remedy: remedyText(i18n, entry.remedy),
              date: entry.lastDay ?? '',
            })}
          </li>
        ))}
      </ul>
      {override && (
        <p class="warranty-check__override">
          {t('tickets.warranty.overridden', {
            name: personName(i18n, agents, override.agentId),
            remedy: remedyText(i18n, override.remedy),
            reason: override.reason,
          })}
        </p>
      )}
    </div>
  );
}

/** Whether the warranty (or an exception for exactly this remedy) covers a free service. */
export function isCovered(check: WarrantyCheck, remedy: Remedy, override: WarrantyOverride | null): boolean {
  if (override?.remedy === remedy) return true;
  return check.remedies.some((entry) => entry.remedy === remedy && entry.allowed);
}
