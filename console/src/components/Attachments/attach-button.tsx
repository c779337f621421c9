import { ATTACHMENT_TYPES } from '@aftercare/shared';
import { useRef } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';

/** The composer's "Attach files" button and the file picker it opens (accepting the types the server takes). */
export function AttachButton({
  onFiles,
  accept = ATTACHMENT_TYPES,
  label,
}: {
  onFiles(files: File[]): void;
  /** The types the picker offers (the server checks the bytes anyway). */
  accept?: readonly string[];
  /** The button's text, when not "Attach files". */
  label?: string;
}) {
  const { t } = useI18n();
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={picker}
        type="file"
        class="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        multiple
        accept={accept.join(',')}
        onChange={(event) => {
          onFiles([...(event.currentTarget.files ?? [])]);
          event.currentTarget.value = ''; // Picking the same file again fires change again.
        }}
      />
      <button type="button" class="button button--small" onClick={() => picker.current?.click()}>
        {label ?? t('attachments.attach')}
      </button>
    </>
  );
}

/** Files in a paste or drop, if any (text pastes and drops pass through untouched). */
export function filesOf(data: DataTransfer | null): File[] {
  return data ? [...data.files] : [];
}
