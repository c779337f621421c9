import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { ProductCard } from '../ProductCard/index.js';
import './style.css';

const selectActive = (state: WorkspaceState) => state.active;

/** The right column: the customer file (客户档案) and the product the chat is about. */
export function CustomerPanel({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const active = useStore(workspace.store, selectActive);
  const ready = active?.status === 'ready' && active.conversation;
  const customer = active?.customer;
  return (
    <aside class="customer-panel" aria-label={t('details.label')}>
      {ready && (
        <>
          <section class="customer-panel__section" aria-labelledby="customer-heading">
            <h2 id="customer-heading" class="customer-panel__heading">
              {t('details.customer')}
            </h2>
            <dl class="details-list">
              <dt>{t('details.name')}</dt>
              <dd>{customer?.name || <span class="details-list__none">{t('details.unknown')}</span>}</dd>
              <dt>{t('details.email')}</dt>
              <dd>{customer?.email || <span class="details-list__none">{t('details.unknown')}</span>}</dd>
              <dt>{t('details.phone')}</dt>
              <dd>{customer?.phone || <span class="details-list__none">{t('details.unknown')}</span>}</dd>
            </dl>
          </section>
          <section class="customer-panel__section" aria-labelledby="product-heading">
            <h2 id="product-heading" class="customer-panel__heading">
              {t('details.product')}
            </h2>
            {active.conversation?.product ? (
              <ProductCard product={active.conversation.product} />
            ) : (
              <p class="details-list__none">{t('details.noProduct')}</p>
            )}
          </section>
        </>
      )}
    </aside>
  );
}
