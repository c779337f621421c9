import * as v from 'valibot';
import { REPORT_TABLES } from '../protocol/report-events.js';
import * as field from './fields.js';

const reportRange = {
  from: field.calendarDay,
  to: field.calendarDay,
  siteId: v.optional(field.id),
};

/** `report:get`: a range of calendar days (the order and length are checked by the report service). */
export const reportGet = v.strictObject(reportRange);

/** `GET /api/reports.csv` query parameters: the report's range and which of its tables. */
export const reportCsvQuery = v.strictObject({ ...reportRange, table: v.picklist(REPORT_TABLES) });
