import type { ProductContext } from '@aftercare/shared';
import { useI18n } from '../lib/i18n.js';

/** Shows the shopper which product the chat is about. */
export function ProductCard({ product }: { product: ProductContext }) {
  const { t, locale } = useI18n();
  const price =
    product.price === undefined
      ? null
      : product.currency
        ? new Intl.NumberFormat(locale, { style: 'currency', currency: product.currency }).format(product.price)
        : String(product.price);
  return (
    <div class="pc">
      {product.imageUrl && (
        <img
          src={product.imageUrl}
          alt=""
          width={44}
          height={44}
          onError={(event) => event.currentTarget.remove()} // A broken photo is worse than none.
        />
      )}
      <div>
        <span class="pc-k">{t('productAbout')}</span>
        {product.url ? (
          <a class="pc-n" href={product.url} target="_blank" rel="noopener noreferrer">
            {product.name}
          </a>
        ) : (
          <span class="pc-n">{product.name}</span>
        )}
        <span class="pc-k">
          {[price, product.sku && t('productSku', { sku: product.sku })].filter(Boolean).join(' · ')}
        </span>
      </div>
    </div>
  );
}
