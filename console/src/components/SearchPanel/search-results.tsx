import type { Customer, MessageHit } from '@aftercare/shared';
import { useState } from 'preact/hooks';
import { customerName } from '../../lib/display.js';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { SearchState } from '../../lib/workspace/search-state.js';
import { HighlightedText } from './highlighted-text.js';

export interface SearchResultsProps {
  workspace: Workspace;
  search: SearchState;
  customers: Record<string, Customer>;
  activeId: string | null;
}

/** Customer hits, then message hits with their snippet; opening a message hit scrolls to it. */
export function SearchResults({ workspace, search, customers, activeId }: SearchResultsProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [missing, setMissing] = useState<string | null>(null);
  const total = search.messages.length + search.customerHits.length;

  async function openCustomer(customerId: string) {
    setMissing((await workspace.openCustomer(customerId)) ? null : customerId);
  }

  return (
    <section class="search-results" aria-label={t('search.results')} aria-busy={search.status === 'loading'}>
      <p class="search-results__status" role="status">
        {search.status === 'loading' && t('search.loading')}
        {search.status === 'error' && t('search.failed')}
        {search.status === 'ready' && total === 0 && t('search.empty', { query: search.query })}
      </p>
      {search.customerHits.length > 0 && (
        <>
          <h2 class="search-results__heading">{t('search.customers')}</h2>
          <ul class="search-results__list">
            {search.customerHits.map((customer) => (
              <li key={customer.id}>
                <button
                  type="button"
                  class="search-hit search-hit--customer"
                  data-customer-id={customer.id}
                  aria-label={t('search.openCustomer', { name: customerName(i18n, customer) })}
                  onClick={() => void openCustomer(customer.id)}
                >
                  <span class="search-hit__title">{customerName(i18n, customer)}</span>
                  <span class="search-hit__detail">
                    {[customer.email, customer.phone].filter((value) => value !== undefined).join(' · ')}
                  </span>
                </button>
                {missing === customer.id && <p class="search-hit__note">{t('search.noConversation')}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {search.messages.length > 0 && (
        <>
          <h2 class="search-results__heading">{t('search.messages')}</h2>
          <ul class="search-results__list">
            {search.messages.map((hit) => (
              <li key={hit.messageId}>
                <MessageHitRow
                  hit={hit}
                  customer={customers[hit.conversation.customerId]}
                  active={hit.conversation.id === activeId}
                  onOpen={() => workspace.openAtMessage(hit.conversation.id, hit.seq)}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {search.nextCursor && (
        <button
          type="button"
          class="button button--small search-results__more"
          disabled={search.loadingMore}
          onClick={workspace.loadMoreSearchResults}
        >
          {search.loadingMore ? t('inbox.loadingMore') : t('search.more')}
        </button>
      )}
    </section>
  );
}

function MessageHitRow(props: { hit: MessageHit; customer: Customer | undefined; active: boolean; onOpen(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { hit } = props;
  return (
    <button
      type="button"
      class={`search-hit${props.active ? ' search-hit--active' : ''}`}
      aria-current={props.active ? 'true' : undefined}
      data-conversation-id={hit.conversation.id}
      data-seq={hit.seq}
      onClick={props.onOpen}
    >
      <span class="search-hit__top">
        <span class="search-hit__title">{customerName(i18n, props.customer)}</span>
        <time dateTime={new Date(hit.createdAt).toISOString()}>{i18n.formatTime(hit.createdAt)}</time>
      </span>
      <span class="search-hit__detail">
        {t(`search.author.${hit.authorKind}`)}
        {hit.internal && <span class="search-hit__note-label"> · {t('message.note')}</span>}
        {hit.conversation.product && ` · ${hit.conversation.product.name}`}
      </span>
      <HighlightedText snippet={hit.snippet} />
    </button>
  );
}
