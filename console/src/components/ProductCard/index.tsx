import type { ProductContext } from '@aftercare/shared';
import { safeWebUrl } from '../../lib/display.js';
import { useI18n } from '../../lib/i18n.js';
import './style.css';

/** The product the shopper was looking at: picture, name, SKU, price and a link to its page. */
export function ProductCard({ product }: { product: ProductContext }) {
  const i18n = useI18n();
  const { t } = i18n;
  const image = safeWebUrl(product.imageUrl);
  const link = safeWebUrl(product.url);
  return (
    <article class="product-card" aria-label={product.name}>
      {/* The name is printed right below, so the picture is decorative for screen readers. */}
      {image && <img class="product-card__image" src={image} alt="" loading="lazy" referrerpolicy="no-referrer" />}
      <p class="product-card__name">{product.name}</p>
      <dl class="details-list">
        {product.sku && (
          <>
            <dt>{t('details.sku')}</dt>
            <dd>{product.sku}</dd>
          </>
        )}
        {product.price !== undefined && (
          <>
            <dt>{t('details.price')}</dt>
            <dd>{i18n.formatPrice(product.price, product.currency)}</dd>
          </>
        )}
      </dl>
      {link && (
        <a class="product-card__link" href={link} target="_blank" rel="noopener noreferrer">
          {t('details.openProduct')}
        </a>
      )}
    </article>
  );
}
