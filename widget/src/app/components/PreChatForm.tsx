import {
  CHAT_LIMITS,
  type ContactDetails,
  type ErrorCode,
  type PreChatField,
  type PreChatFieldName,
} from '@aftercare/shared';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../lib/i18n.js';
import { fieldError } from '../lib/site.js';

interface PreChatFormProps {
  /** The fields to ask, in order (the site's, minus what `identify` told). */
  fields: PreChatField[];
  initial: ContactDetails;
  /** The offline form: the same fields plus a message that waits for the shop. */
  away: boolean;
  /** A start is already on its way (maybe resumed after a reload). */
  busy: boolean;
  /** Starts the conversation (with `text` as its first message); resolves with an error code when refused. */
  onStart(details: ContactDetails, text: string): Promise<ErrorCode | null>;
}

/** Input type, autocomplete token, label key and length limit of each contact field. */
const INPUTS: Record<PreChatFieldName, [string, string, string, number]> = {
  name: ['text', 'name', 'fieldName', CHAT_LIMITS.name],
  email: ['email', 'email', 'fieldEmail', CHAT_LIMITS.email],
  phone: ['tel', 'tel', 'fieldPhone', CHAT_LIMITS.phone],
};

/**
 * Who the shopper is, before the first message: the pre-chat form, and — with `away` — the
 * offline form. Without fields to ask it is just the message box, so the chat starts with the
 * first message.
 */
export function PreChatForm({ fields, initial, away, busy, onStart }: PreChatFormProps) {
  const { t } = useI18n();
  const withMessage = away || !fields.length;
  const [values, setValues] = useState<Record<string, string>>({
    name: initial.name ?? '',
    email: initial.email ?? '',
    phone: initial.phone ?? '',
    text: '',
  });
  // Details that arrive later (session:ready, identify) fill fields the shopper left empty.
  useEffect(() => {
    setValues((current) => ({
      ...current,
      name: current.name || initial.name || '',
      email: current.email || initial.email || '',
      phone: current.phone || initial.phone || '',
    }));
  }, [initial.name, initial.email, initial.phone]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState(false);
  const [starting, setStarting] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const field of fields) {
      const error = fieldError(field, values[field.field]);
      if (error) found[field.field] = error;
    }
    const text = values.text!;
    if (withMessage && !text.trim()) found.text = 'missingMessage';
    setErrors(found);
    setFailure(false);
    const invalid = Object.keys(found)[0];
    // By id: the fields are marked invalid only when Preact renders the new errors, after this.
    if (invalid) return (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>(`#ac-${invalid}`)?.focus();
    setStarting(true);
    const details: ContactDetails = {};
    for (const { field } of fields) if (values[field]?.trim()) details[field] = values[field]!.trim();
    const error = await onStart(details, withMessage ? text : '');
    setStarting(false);
    setFailure(error !== null);
  };

  /** One labelled control with its error; optional fields say so in their label. */
  const control = (id: string, label: string, required: boolean, input: (props: object) => JSX.Element) => (
    <div class="f" key={id}>
      <label for={`ac-${id}`}>{required ? label : t('optional', { label })}</label>
      {input({
        id: `ac-${id}`,
        value: values[id],
        required,
        'aria-invalid': errors[id] ? 'true' : undefined,
        'aria-describedby': errors[id] ? `ac-${id}-error` : away && id === 'email' ? 'ac-email-hint' : undefined,
        onInput: (event: Event) => setValues({ ...values, [id]: (event.currentTarget as HTMLInputElement).value }),
      })}
      {away && id === 'email' && (
        <span class="hint" id="ac-email-hint">
          {t('offlineEmailHint')}
        </span>
      )}
      {errors[id] && (
        <span class="err" id={`ac-${id}-error`}>
          {t(errors[id])}
        </span>
      )}
    </div>
  );

  return (
    <form class="pre" onSubmit={submit} noValidate>
      {fields.length > 0 && !away && <p>{t('prechatIntro')}</p>}
      {fields.map(({ field, required }) => {
        const [type, autocomplete, label, max] = INPUTS[field];
        return control(field, t(label), required, (props) => (
          <input {...props} type={type} autoComplete={autocomplete} maxLength={max} />
        ));
      })}
      {withMessage &&
        control('text', t('composerLabel'), true, (props) => (
          <textarea
            {...props}
            rows={4}
            maxLength={CHAT_LIMITS.messageText}
            // Without a form around it, the message box behaves like the chat's: Enter sends.
            onKeyDown={(event) => {
              if (!away && event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
          />
        ))}
      {failure && (
        <p class="err" role="alert">
          {t('errorStart')}
        </p>
      )}
      <button class="btn" type="submit" disabled={starting || busy}>
        {t(starting || busy ? 'prechatStarting' : away ? 'offlineSend' : withMessage ? 'send' : 'prechatStart')}
      </button>
    </form>
  );
}
