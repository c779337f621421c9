/** Labelled inputs the ticket forms share (create dialog, details, repair card). */

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  /** `[value, visible text]` pairs, in order. */
  options: [string, string][];
  disabled?: boolean;
  onChange(value: string): void;
}

export function SelectField({ id, label, value, options, disabled = false, onChange }: SelectFieldProps) {
  return (
    <label class="field" for={id}>
      <span class="field__label">{label}</span>
      <select
        id={id}
        class="field__input"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  type?: string;
  disabled?: boolean;
  onInput(value: string): void;
}

export function TextField({ id, label, value, type = 'text', disabled = false, onInput }: TextFieldProps) {
  return (
    <label class="field" for={id}>
      <span class="field__label">{label}</span>
      <input
        id={id}
        class="field__input"
        type={type}
        value={value}
        disabled={disabled}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </label>
  );
}
