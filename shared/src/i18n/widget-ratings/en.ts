import type { Catalog } from '../locale.js';

/**
 * English texts of the widget's rating card (issue 5 item 7). A catalog of its own because the card
 * ships in a lazily loaded chunk, not in the first open's budget.
 */
export const en: Catalog = {
  rateRegion: 'Rate our service',
  rateChatTitle: 'How did we do?',
  rateTicketTitle: 'How was the repair of {number}?',
  rateWithAgent: 'You were helped by {name}.',
  rateAbout: 'About: {product}',
  rateScoreLegend: 'Your rating, from 1 (very unhappy) to 5 (very happy)',
  rateStar1: '1 star: very unhappy',
  rateStar2: '2 stars: unhappy',
  rateStar3: '3 stars: okay',
  rateStar4: '4 stars: happy',
  rateStar5: '5 stars: very happy',
  rateComment: 'Anything you would like to tell us? (optional)',
  rateSend: 'Send rating',
  rateSending: 'Sending…',
  rateLater: 'Not now',
  rateThanks: 'Thank you for your rating!',
  rateGiven: 'You rated {score} of 5.',
  rateChange: 'Change my rating',
  rateChangeUntil: 'You can change it until {when}.',
  rateChooseScore: 'Choose from 1 to 5 stars first.',
  rateFinal: 'This rating can no longer be changed.',
  rateFailed: 'Your rating could not be sent. Please try again.',
};
