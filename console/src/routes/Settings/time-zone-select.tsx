import { useMemo } from 'preact/hooks';

export interface TimeZoneSelectProps {
  id: string;
  /** IANA time zone, e.g. `Asia/Shanghai`. */
  value: string;
  onChange(timeZone: string): void;
  describedBy?: string;
}

/** The browser's time zones, plus the stored one should this browser not know it. */
function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/** A select of IANA time zones (business hours' zone, the shop's zone); label it with `for={id}`. */
export function TimeZoneSelect({ id, value, onChange, describedBy }: TimeZoneSelectProps) {
  const zones = useMemo(() => timeZones(value), [value]);
  return (
    <select
      id={id}
      class="field__input"
      value={value}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.currentTarget.value)}
    >
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </select>
  );
}
