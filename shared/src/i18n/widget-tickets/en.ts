import type { Catalog } from '../locale.js';

/**
 * English texts of the widget's repair status (issue 5 item 4), in the shopper's words. A catalog
 * of its own: the repairs view ships in a lazily loaded chunk, outside the first open's budget.
 */
export const en: Catalog = {
  repairsTitle: 'Your repairs',
  repairNumber: 'Repair {number}',
  repairUpdated: 'Updated',
  repairAnnounce: 'Repair {number}: {status}',
  repairStepsLabel: 'Progress of repair {number}',
  repairStepAt: '{status}, {time}',
  'repair.registered': "We've registered your repair",
  'repair.diagnosed': "We've checked it and know what to do",
  'repair.awaiting_parts': 'Waiting for a part',
  'repair.in_repair': 'Being repaired',
  'repair.repaired': 'Repaired, getting ready to return',
  'repair.returned': "It's on its way back to you",
  'repair.closed': 'Done',
  'repair.cancelled': 'Cancelled',
  'remedy.repair': 'Repair',
  'remedy.replace': 'Replacement',
  'remedy.refund': 'Refund',
};
