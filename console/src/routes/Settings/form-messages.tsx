/**
 * A settings form's outcome: the polite status line (always present, so screen readers announce
 * each new notice) and, when something failed, the alert under it.
 */
export function FormMessages({ notice, error }: { notice: string | null; error: string | null }) {
  return (
    <>
      <p class="settings-form__status" role="status">
        {notice}
      </p>
      {error && (
        <p class="settings-form__form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
