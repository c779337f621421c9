import type { ProductContext } from '@aftercare/shared';
import { safeWebUrl } from '../../lib/display.js';
import { useI18n } from '../../lib/i18n.js';

/** The products the customer's conversations were about, newest first: name (linked), SKU. */
export function ProductsMentioned({ products }: { products: readonly ProductContext[] }) {
  const { t } = useI18n();
  return (
    <ul class="products-mentioned">
      {products.map((product) => {
        const link = safeWebUrl(product.url);
        return (
          <li key={product.sku ?? product.name}>
            {link ? (
              <a href={link} target="_blank" rel="noopener noreferrer">
                {product.name}
              </a>
            ) : (
              product.name
            )}
            {product.sku && (
              <span class="products-mentioned__sku">
                {' '}
                · {t('details.sku')} {product.sku}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
