/** What a ticket form's last save said: a confirmation (polite) or a refusal (announced at once). */
export type FormNotice = { text: string; error: boolean } | null;

/** The line under a ticket form that reports its last save; empty (and hidden) until then. */
export function FormMessage({ message }: { message: FormNotice }) {
  return (
    <p
      class={message?.error ? 'ticket-detail__error' : 'ticket-detail__notice'}
      role={message?.error ? 'alert' : 'status'}
    >
      {message?.text ?? ''}
    </p>
  );
}
