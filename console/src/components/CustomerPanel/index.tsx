import { useEffect } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { fileConversations } from '../../lib/workspace/customer-file.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { ProductCard } from '../ProductCard/index.js';
import { VerifiedBadge } from '../VerifiedBadge/index.js';
import { ContactDetails } from './contact-details.js';
import { CustomerRatings } from './customer-ratings.js';
import { CustomerTickets } from './customer-tickets.js';
import { PastConversations } from './past-conversations.js';
import { ProductsMentioned } from './products-mentioned.js';
import { TierControl } from './tier-control.js';
import './style.css';

const selectActive = (state: WorkspaceState) => state.active;
const selectCustomers = (state: WorkspaceState) => state.customers;
const selectFile = (state: WorkspaceState) => state.customerFile;
const selectRole = (state: WorkspaceState) => state.agent?.role;
const selectLists = (state: WorkspaceState) => state.lists;

/**
 * The right column: the customer file (客户档案) of the open chat's shopper — contact details
 * (editable), tier, the product of this chat, products mentioned and every conversation.
 */
export function CustomerPanel({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const active = useStore(workspace.store, selectActive);
  const customers = useStore(workspace.store, selectCustomers);
  const file = useStore(workspace.store, selectFile);
  const role = useStore(workspace.store, selectRole);
  // Subscribed so a status change in the inbox shows in the file's list too.
  useStore(workspace.store, selectLists);
  const ready = active?.status === 'ready' && active.conversation;
  const customerId = ready ? active.customer?.id : undefined;
  // The live copy (kept fresh by `customer:updated`), else the one the conversation came with.
  const customer = customerId ? (customers[customerId] ?? active?.customer) : undefined;

  useEffect(() => {
    if (customerId) workspace.loadCustomerFile(customerId);
  }, [workspace, customerId]);

  const fileReady = file?.customerId === customerId ? file : null;
  const conversations = fileReady ? fileConversations(workspace.store.get()) : [];
  return (
    <aside class="customer-panel" aria-label={t('details.label')}>
      {ready && customer && (
        <>
          <section class="customer-panel__section" aria-labelledby="customer-heading">
            <h2 id="customer-heading" class="customer-panel__heading">
              {t('details.customer')}
            </h2>
            <VerifiedBadge customer={customer} />
            <TierControl
              workspace={workspace}
              customer={customer}
              editable={role === 'supervisor' || role === 'admin'}
            />
            <ContactDetails workspace={workspace} customer={customer} />
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
          <section class="customer-panel__section" aria-labelledby="products-heading">
            <h2 id="products-heading" class="customer-panel__heading">
              {t('customerFile.products')}
            </h2>
            {fileReady?.status === 'ready' &&
              (fileReady.productsMentioned.length > 0 ? (
                <ProductsMentioned products={fileReady.productsMentioned} />
              ) : (
                <p class="details-list__none">{t('customerFile.noProducts')}</p>
              ))}
          </section>
          <CustomerTickets key={`tickets-${customer.id}`} workspace={workspace} customerId={customer.id} />
          <CustomerRatings key={customer.id} workspace={workspace} customerId={customer.id} />
          <section
            class="customer-panel__section"
            aria-labelledby="conversations-heading"
            aria-busy={fileReady?.status !== 'ready'}
          >
            <h2 id="conversations-heading" class="customer-panel__heading">
              {t('customerFile.conversations')}
            </h2>
            {(!fileReady || fileReady.status === 'loading') && (
              <p class="details-list__none">{t('customerFile.loading')}</p>
            )}
            {fileReady?.status === 'error' && (
              <p class="contact-details__error">
                {t('customerFile.loadFailed')}{' '}
                <button
                  type="button"
                  class="button button--small"
                  onClick={() => workspace.loadCustomerFile(fileReady.customerId)}
                >
                  {t('app.retry')}
                </button>
              </p>
            )}
            {fileReady?.status === 'ready' && (
              <PastConversations
                conversations={conversations}
                currentId={active.id}
                onOpen={(id) => workspace.openConversation(id)}
              />
            )}
          </section>
        </>
      )}
    </aside>
  );
}
