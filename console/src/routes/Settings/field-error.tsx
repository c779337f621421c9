/** Ids of a form field's error message, for `aria-describedby` (`site-<field>-error`). */
export function errorId(field: string): string {
  return `site-${field}-error`;
}

/** A field's error message below it, or nothing. */
export function FieldError({ field, message }: { field: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={errorId(field)} class="settings-form__error">
      {message}
    </p>
  );
}
