import type { BusinessHours, OpeningInterval, Weekday } from '@aftercare/shared';
import { useMemo, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { addInterval } from './site-draft.js';
import { TimeZoneSelect } from './time-zone-select.js';

export interface BusinessHoursFieldProps {
  /** `null`: always open. */
  hours: BusinessHours | null;
  onChange(hours: BusinessHours | null): void;
  errors: { hours: string | null; closedDates: string | null };
}

/** Monday first, as shops plan their week; values are `Date#getDay()` numbers. */
const WEEK: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Business hours: a switch between "always open" and set hours, the time zone, each weekday's
 * opening intervals (several per day for a lunch break; none means closed) and closed dates.
 */
export function BusinessHoursField({ hours, onChange, errors }: BusinessHoursFieldProps) {
  const { t, locale } = useI18n();
  const dayName = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    // 7 January 2024 was a Sunday, so day n is n days later.
    return (day: Weekday) => format.format(Date.UTC(2024, 0, 7 + day));
  }, [locale]);
  const [closedDate, setClosedDate] = useState('');

  const setIntervals = (intervals: OpeningInterval[]) => hours && onChange({ ...hours, intervals });
  const changeInterval = (target: OpeningInterval, patch: Partial<OpeningInterval>) =>
    setIntervals((hours?.intervals ?? []).map((item) => (item === target ? { ...item, ...patch } : item)));

  function addClosedDate() {
    if (!hours || !DATE.test(closedDate) || hours.closedDates.includes(closedDate)) return;
    onChange({ ...hours, closedDates: [...hours.closedDates, closedDate].sort() });
    setClosedDate('');
  }

  return (
    <fieldset class="settings-form__group">
      <legend>{t('settings.site.hours')}</legend>
      <label class="settings-form__check">
        <input
          type="checkbox"
          checked={hours !== null}
          onChange={(event) =>
            onChange(
              event.currentTarget.checked
                ? {
                    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
                    intervals: [1, 2, 3, 4, 5].map((day) => ({ day: day as Weekday, open: '09:00', close: '18:00' })),
                    closedDates: [],
                  }
                : null,
            )
          }
        />
        {t('settings.site.hoursEnabled')}
      </label>
      {hours === null ? (
        <p class="settings-form__muted">{t('settings.site.alwaysOpen')}</p>
      ) : (
        <>
          <div class="settings-form__field">
            <label class="settings-form__label" for="site-timezone">
              {t('settings.site.timeZone')}
            </label>
            <TimeZoneSelect
              id="site-timezone"
              value={hours.timeZone}
              onChange={(timeZone) => onChange({ ...hours, timeZone })}
            />
          </div>
          <ul class="settings-form__week" aria-describedby={errors.hours ? 'site-hours-error' : undefined}>
            {WEEK.map((day) => {
              const intervals = hours.intervals.filter((item) => item.day === day);
              const name = dayName(day);
              return (
                <li key={day} class="settings-form__day" data-day={day}>
                  <span class="settings-form__day-name">{name}</span>
                  {intervals.length === 0 && <span class="settings-form__muted">{t('settings.site.closed')}</span>}
                  {intervals.map((interval, index) => (
                    <span key={index} class="settings-form__interval">
                      <input
                        type="time"
                        class="field__input"
                        aria-label={t('settings.site.opens', { day: name, n: index + 1 })}
                        value={interval.open}
                        onInput={(event) => changeInterval(interval, { open: event.currentTarget.value })}
                      />
                      –
                      <input
                        type="time"
                        class="field__input"
                        aria-label={t('settings.site.closes', { day: name, n: index + 1 })}
                        value={interval.close}
                        onInput={(event) => changeInterval(interval, { close: event.currentTarget.value })}
                      />
                      <button
                        type="button"
                        class="button button--small"
                        aria-label={t('settings.site.removeInterval', { day: name, n: index + 1 })}
                        onClick={() => setIntervals(hours.intervals.filter((item) => item !== interval))}
                      >
                        {t('settings.remove')}
                      </button>
                    </span>
                  ))}
                  <button
                    type="button"
                    class="button button--small"
                    aria-label={t('settings.site.addInterval', { day: name })}
                    onClick={() => setIntervals(addInterval(hours.intervals, day))}
                  >
                    {t('settings.site.addHours')}
                  </button>
                </li>
              );
            })}
          </ul>
          {errors.hours && (
            <p id="site-hours-error" class="settings-form__error">
              {errors.hours}
            </p>
          )}
          <div class="settings-form__field">
            <span class="settings-form__label">{t('settings.site.closedDates')}</span>
            {hours.closedDates.length > 0 && (
              <ul class="settings-form__chips" aria-label={t('settings.site.closedDates')}>
                {hours.closedDates.map((date) => (
                  <li key={date} class="settings-form__chip">
                    <span>{date}</span>
                    <button
                      type="button"
                      class="button button--small"
                      aria-label={t('settings.site.removeClosedDate', { date })}
                      onClick={() =>
                        onChange({ ...hours, closedDates: hours.closedDates.filter((item) => item !== date) })
                      }
                    >
                      {t('settings.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div class="settings-form__inline">
              <label class="sr-only" for="site-closed-date">
                {t('settings.site.closedDate')}
              </label>
              <input
                id="site-closed-date"
                type="date"
                class="field__input"
                value={closedDate}
                aria-describedby={errors.closedDates ? 'site-closed-dates-error' : undefined}
                onInput={(event) => setClosedDate(event.currentTarget.value)}
              />
              <button type="button" class="button" onClick={addClosedDate}>
                {t('settings.site.addClosedDate')}
              </button>
            </div>
            {errors.closedDates && (
              <p id="site-closed-dates-error" class="settings-form__error">
                {errors.closedDates}
              </p>
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}
