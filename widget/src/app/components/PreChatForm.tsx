import { type ContactDetails, type ErrorCode, LIMITS } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../lib/i18n.js';

type Field = 'name' | 'email' | 'phone';

interface PreChatFormProps {
  initial: ContactDetails;
  /** Starts the conversation; resolves with an error code when the server refused. */
  onStart(details: ContactDetails): Promise<ErrorCode | null>;
}

/** Client-side checks mirror the server's schema, so a refusal is rare and explained right here. */
function validate(values: Record<Field, string>): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!values.name.trim()) errors.name = 'errorName';
  if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = 'errorEmail';
  if (values.phone.trim() && !/^\+?[0-9 ()./-]{3,}$/.test(values.phone.trim())) errors.phone = 'errorPhone';
  return errors;
}

/** The pre-chat form: who the shopper is, before the first message. */
export function PreChatForm({ initial, onStart }: PreChatFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<Field, string>>({
    name: initial.name ?? '',
    email: initial.email ?? '',
    phone: initial.phone ?? '',
  });
  // Details that arrive later (session:ready, identify) fill fields the shopper left empty.
  useEffect(() => {
    setValues((current) => ({
      name: current.name || initial.name || '',
      email: current.email || initial.email || '',
      phone: current.phone || initial.phone || '',
    }));
  }, [initial.name, initial.email, initial.phone]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState(false);
  const [starting, setStarting] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    setFailure(false);
    if (Object.keys(found).length) {
      (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setStarting(true);
    const details: ContactDetails = { name: values.name.trim() };
    if (values.email.trim()) details.email = values.email.trim();
    if (values.phone.trim()) details.phone = values.phone.trim();
    const error = await onStart(details);
    setStarting(false);
    setFailure(error !== null);
  };

  const input = (field: Field, type: string, autocomplete: string, label: string, max: number) => (
    <div class="f">
      <label for={`ac-${field}`}>{t(label)}</label>
      <input
        id={`ac-${field}`}
        type={type}
        autoComplete={autocomplete}
        maxLength={max}
        value={values[field]}
        aria-invalid={errors[field] ? 'true' : undefined}
        aria-describedby={errors[field] ? `ac-${field}-error` : undefined}
        required={field === 'name'}
        onInput={(event) => setValues({ ...values, [field]: event.currentTarget.value })}
      />
      {errors[field] && (
        <span class="err" id={`ac-${field}-error`}>
          {t(errors[field])}
        </span>
      )}
    </div>
  );

  return (
    <form class="pre" onSubmit={submit} noValidate>
      <p>{t('prechatIntro')}</p>
      {input('name', 'text', 'name', 'fieldName', LIMITS.name)}
      {input('email', 'email', 'email', 'fieldEmail', LIMITS.email)}
      {input('phone', 'tel', 'tel', 'fieldPhone', LIMITS.phone)}
      {failure && (
        <p class="err" role="alert">
          {t('errorStart')}
        </p>
      )}
      <button class="btn" type="submit" disabled={starting}>
        {t(starting ? 'prechatStarting' : 'prechatStart')}
      </button>
    </form>
  );
}
