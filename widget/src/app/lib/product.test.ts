import { describe, expect, it } from 'vitest';
import { cleanProduct, productFromJsonLd } from './product.js';

const page = 'https://shop.example/p/kettle?ref=ad';

describe('productFromJsonLd', () => {
  it('reads name, SKU, price, currency, image and URL from a Product with an Offer', () => {
    const json = {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: ' Kettle K2 ',
      sku: 'K2-WHT',
      image: ['/img/k2.jpg', '/img/k2-side.jpg'],
      offers: { '@type': 'Offer', price: '199.00', priceCurrency: 'cny' },
    };
    expect(productFromJsonLd(json, page)).toEqual({
      name: 'Kettle K2',
      sku: 'K2-WHT',
      price: 199,
      currency: 'CNY',
      imageUrl: 'https://shop.example/img/k2.jpg',
      url: page,
    });
  });

  it('finds the Product in an @graph or an array, and takes lowPrice from an AggregateOffer', () => {
    const json = [
      { '@type': 'BreadcrumbList' },
      { '@graph': [{ '@type': ['Product', 'IndividualProduct'], name: 'Vacuum', offers: [{ lowPrice: 10 }] }] },
    ];
    expect(productFromJsonLd(json, page)).toMatchObject({ name: 'Vacuum', price: 10 });
  });

  it('returns null without a Product or without a name', () => {
    expect(productFromJsonLd({ '@type': 'Organization', name: 'Shop' }, page)).toBeNull();
    expect(productFromJsonLd({ '@type': 'Product', sku: 'X' }, page)).toBeNull();
  });
});

describe('cleanProduct', () => {
  it('drops what the server would refuse instead of refusing the whole product', () => {
    const product = cleanProduct(
      {
        name: 'Kettle',
        sku: 'x'.repeat(101),
        price: -1,
        currency: 'yuan',
        imageUrl: 'javascript:alert(1)',
        url: { url: 'https://shop.example/k' },
      },
      page,
    );
    expect(product).toEqual({ name: 'Kettle', url: 'https://shop.example/k' });
  });
});
