import type { Catalog } from '../locale.js';

/** English texts of identity verification: the site settings section and the "Verified" badge (spread into `en.ts`). */
export const identityEn = {
  'identity.title': 'Identity verification',
  'identity.hint':
    'Your shop’s server signs each logged-in shopper’s user ID with this secret (HMAC-SHA256, hex) and the page passes it as hash to Aftercare.identify. Keep the secret on your server: never put it in a page.',
  'identity.secret': 'Identity secret',
  'identity.loading': 'Loading the secret…',
  'identity.copy': 'Copy secret',
  'identity.copied': 'Secret copied to the clipboard.',
  'identity.copyFailed': 'Copying failed: select the secret and copy it by hand.',
  'identity.required': 'Require identity verification',
  'identity.requiredHint':
    'When on, a shopper identified without a valid hash is told so and chats as an anonymous visitor. Shoppers who are not logged in can always chat.',
  'identity.requiredOn': 'Identity verification is now required.',
  'identity.requiredOff': 'Identity verification is no longer required.',
  'identity.rotate': 'Rotate secret',
  'identity.rotateTitle': 'Rotate the identity secret?',
  'identity.rotateBody':
    'Hashes made with the current secret stop working at once: logged-in shoppers are treated as anonymous until your server signs with the new secret.',
  'identity.rotated': 'A new secret was made. Update your shop’s server with it.',
  'identity.rotatedAt': 'Current secret made {time}.',
  'identity.error.FORBIDDEN': 'Only admins can see and change the identity secret.',
  'identity.error.NOT_FOUND': 'This site no longer exists.',
  'identity.error.OFFLINE': 'You are offline. Try again once reconnected.',
  'identity.error.generic': 'The identity settings could not be loaded or changed. Try again.',
  'identity.retry': 'Try again',
  'identity.verified': 'Verified',
  'identity.verifiedTitle': 'Your shop verified this shopper as its user {id}',
} as const satisfies Catalog;
