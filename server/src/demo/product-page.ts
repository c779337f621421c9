/**
 * The demo retail product page (`GET /demo/`): a realistic shop page with schema.org Product
 * JSON-LD and the widget's one script tag, so the widget can be tried (and tested) end to end.
 * The page's own script only switches its texts between English and Chinese and tells the widget
 * (`Aftercare.setLocale`), which also demonstrates the public API's command queue.
 */

/** Where the product photo is expected; serve `renderProductImage()` there (image/svg+xml). */
export const PRODUCT_IMAGE_PATH = '/demo/nimbus-v12.svg';

const PRODUCT = {
  name: 'Nimbus V12 Cordless Vacuum Cleaner',
  nameZh: 'Nimbus V12 无线吸尘器',
  sku: 'NV12-GRN-2026',
  price: 2499,
  currency: 'CNY',
} as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** JSON inside <script>: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The product illustration, also used inline on the page. */
export function renderProductImage(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 320" role="img" aria-label="${escapeHtml(PRODUCT.name)}">
<rect width="320" height="320" rx="24" fill="#eef4f1"/>
<rect x="148" y="40" width="16" height="190" rx="8" fill="#9aa8a3"/>
<rect x="120" y="36" width="86" height="58" rx="22" fill="#1f7a64"/>
<circle cx="150" cy="65" r="16" fill="#d9efe7"/><rect x="186" y="48" width="12" height="36" rx="6" fill="#0b4f40"/>
<path d="M98 226h116a14 14 0 0 1 14 14v14a10 10 0 0 1-10 10H94a10 10 0 0 1-10-10v-14a14 14 0 0 1 14-14z" fill="#243330"/>
<rect x="92" y="250" width="128" height="8" rx="4" fill="#e8a317"/>
<rect x="132" y="102" width="48" height="70" rx="14" fill="#6cc1a6"/><rect x="142" y="114" width="28" height="34" rx="8" fill="#dff4ec"/>
</svg>`;
}

const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif;color:#1c2421;background:#fbfcfb}
a{color:#0b6b57}header,footer{background:#fff;border-bottom:1px solid #e3e8e6}header .in{display:flex;align-items:center;justify-content:space-between;gap:16px;padding:14px 20px}
.in{max-width:1080px;margin:0 auto}.logo{font-weight:800;font-size:20px;letter-spacing:.02em;color:#0b6b57;text-decoration:none}
nav a{margin-right:18px;text-decoration:none;color:#1c2421}.lang button{border:1px solid #c9d3cf;background:#fff;border-radius:6px;padding:4px 10px;font:inherit;cursor:pointer}
.lang button[aria-pressed=true]{background:#0b6b57;color:#fff;border-color:#0b6b57}
main{padding:20px}.crumbs{font-size:14px;color:#5b6662;margin:0 0 16px}
.product{display:grid;grid-template-columns:1fr 1fr;gap:40px}.gallery svg{width:100%;height:auto;border-radius:24px}
h1{font-size:30px;line-height:1.2;margin:0 0 8px}.rating{color:#8a5a00;margin:0 0 12px}.price{font-size:28px;font-weight:700;margin:8px 0}
.sku{color:#5b6662;font-size:14px}.swatches{display:flex;gap:10px;margin:16px 0}.swatches button{width:34px;height:34px;border-radius:17px;border:2px solid #fff;outline:2px solid #c9d3cf;cursor:pointer}
.buy{display:flex;gap:12px;margin:18px 0}.buy button{flex:1;padding:14px;border-radius:10px;font:inherit;font-weight:700;cursor:pointer;border:2px solid #0b6b57}
.primary{background:#0b6b57;color:#fff}.secondary{background:#fff;color:#0b6b57}
ul.perks{padding-left:20px}table{border-collapse:collapse;width:100%;margin-top:8px}th,td{text-align:left;padding:8px;border-bottom:1px solid #e3e8e6}
section{margin-top:36px}footer{border-top:1px solid #e3e8e6;border-bottom:0;margin-top:48px;padding:20px;color:#5b6662;font-size:14px}
.sticky{display:none}
@media (max-width:720px){.product{grid-template-columns:1fr;gap:20px}nav{display:none}
.sticky{display:flex;position:fixed;left:0;right:0;bottom:0;gap:10px;padding:10px 14px;background:#fff;box-shadow:0 -2px 10px #0002}
.sticky button{flex:1;padding:12px;border-radius:10px;border:0;background:#0b6b57;color:#fff;font:inherit;font-weight:700}body{padding-bottom:70px}}`;

/** Bilingual texts of the page: `data-en` / `data-zh` attributes, switched by the page's script. */
const t = (en: string, zh: string) =>
  `<span data-en="${escapeHtml(en)}" data-zh="${escapeHtml(zh)}">${escapeHtml(en)}</span>`;

const PAGE_SCRIPT = `(function(){
window.Aftercare=window.Aftercare||[];
function setLang(lang){
  document.documentElement.lang=lang==='zh'?'zh-CN':'en';
  document.querySelectorAll('[data-en]').forEach(function(el){el.textContent=el.getAttribute('data-'+lang);});
  document.querySelectorAll('.lang button').forEach(function(b){b.setAttribute('aria-pressed',String(b.value===lang));});
  window.Aftercare.push(['setLocale',lang==='zh'?'zh-CN':'en']);
}
document.querySelectorAll('.lang button').forEach(function(b){b.addEventListener('click',function(){setLang(b.value);});});
if(/^zh/i.test(navigator.language))setLang('zh');
})();`;

/** Renders the demo product page for the site whose widget it embeds. */
export function renderProductPage(options: { siteKey: string }): string {
  const priceText = `¥${PRODUCT.price.toLocaleString('en-US')}.00`;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: PRODUCT.name,
    sku: PRODUCT.sku,
    image: PRODUCT_IMAGE_PATH,
    description: 'Lightweight cordless stick vacuum with 60 minutes of run time and a 2-year warranty.',
    brand: { '@type': 'Brand', name: 'Nimbus Home' },
    offers: {
      '@type': 'Offer',
      price: PRODUCT.price.toFixed(2),
      priceCurrency: PRODUCT.currency,
      availability: 'https://schema.org/InStock',
    },
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(PRODUCT.name)} · Nimbus Home</title>
<style>${STYLE}</style>
<script type="application/ld+json">${scriptJson(jsonLd)}</script>
</head>
<body>
<header><div class="in">
  <a class="logo" href="/demo/">Nimbus Home</a>
  <nav aria-label="Main">${['Vacuums|吸尘器', 'Kitchen|厨房电器', 'Air care|空气净化', 'Support|售后服务']
    .map((pair) => {
      const [en, zh] = pair.split('|') as [string, string];
      return `<a href="/demo/">${t(en, zh)}</a>`;
    })
    .join('')}</nav>
  <div class="lang" role="group" aria-label="Language / 语言"><button type="button" value="en" aria-pressed="true">EN</button> <button type="button" value="zh" aria-pressed="false">中文</button></div>
</div></header>
<main class="in">
  <p class="crumbs">${t('Home / Vacuums / Cordless', '首页 / 吸尘器 / 无线吸尘器')}</p>
  <div class="product">
    <div class="gallery">${renderProductImage()}</div>
    <div>
      <h1>${t(PRODUCT.name, PRODUCT.nameZh)}</h1>
      <p class="rating">★★★★☆ ${t('4.6 · 1,284 reviews', '4.6 · 1,284 条评价')}</p>
      <p class="price">${priceText}</p>
      <p class="sku">SKU ${escapeHtml(PRODUCT.sku)}</p>
      <div class="swatches" role="group" aria-label="Colour">
        <button type="button" style="background:#1f7a64" aria-label="Forest green"></button>
        <button type="button" style="background:#3b4a6b" aria-label="Slate blue"></button>
        <button type="button" style="background:#c9cfcc" aria-label="Silver"></button>
      </div>
      <div class="buy">
        <button type="button" class="primary">${t('Add to cart', '加入购物车')}</button>
        <button type="button" class="secondary">${t('Buy now', '立即购买')}</button>
      </div>
      <ul class="perks">
        <li>${t('60 minutes of run time, swappable battery', '续航 60 分钟，电池可更换')}</li>
        <li>${t('2-year warranty: repair, replace or refund', '两年质保：包修、包换、包退')}</li>
        <li>${t('Free delivery and 30-day returns', '免费配送，30 天无忧退货')}</li>
      </ul>
    </div>
  </div>
  <section>
    <h2>${t('Specifications', '规格参数')}</h2>
    <table>
      <tr><th>${t('Suction power', '吸力')}</th><td>185 AW</td></tr>
      <tr><th>${t('Weight', '重量')}</th><td>2.6 kg</td></tr>
      <tr><th>${t('Dust bin', '集尘盒')}</th><td>0.76 L</td></tr>
      <tr><th>${t('Charging time', '充电时间')}</th><td>3.5 h</td></tr>
    </table>
  </section>
  <section>
    <h2>${t('After-sales service', '售后服务')}</h2>
    <p>${t('Questions about your order, a fault or a repair? Chat with our service team — the chat button is in the corner.', '对订单、故障或维修有疑问？点击右下角的按钮，与我们的售后客服在线沟通。')}</p>
  </section>
</main>
<div class="sticky"><button type="button">${t('Add to cart', '加入购物车')} · ${priceText}</button></div>
<footer><div class="in">© 2026 Nimbus Home · ${t('Demo shop for Aftercare', 'Aftercare 演示商店')}</div></footer>
<script>${PAGE_SCRIPT}</script>
<script src="/widget.js" data-site="${escapeHtml(options.siteKey)}" async></script>
</body>
</html>`;
}
