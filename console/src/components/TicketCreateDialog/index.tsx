import {
  ATTACHMENT_IMAGE_TYPES,
  type Conversation,
  type Message,
  REMEDIES,
  SERVICE_CATEGORIES,
  TICKET_PRIORITIES,
  type Ticket,
} from '@aftercare/shared';
import { useMemo, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { TicketBoard } from '../../lib/tickets/ticket-board.js';
import { useModalDialog } from '../../lib/use-modal-dialog.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { AttachButton } from '../Attachments/attach-button.js';
import { DraftList } from '../Attachments/draft-list.js';
import { useAttachmentDrafts } from '../Attachments/use-attachment-drafts.js';
import { SelectField, TextField } from '../TicketParts/form-fields.js';
import { remedyText, ticketErrorText } from '../TicketParts/ticket-text.js';
import { isCovered, WarrantyCheckView } from '../TicketParts/warranty-check.js';
import { chatPhotos, initialDraft, previewWarranty, type TicketDraft, toCreatePayload } from './ticket-draft.js';
import './style.css';

export interface TicketCreateDialogProps {
  workspace: Workspace;
  board: TicketBoard;
  conversation: Conversation;
  messages: readonly Message[];
  onClose(): void;
  /** Told the stored ticket (also when the chat already had one). */
  onCreated(ticket: Ticket, created: boolean): void;
}

const selectDirectory = (state: WorkspaceState) => state.directory;

/**
 * Turns the open chat into a repair ticket: prefilled with the chat's customer, product, last
 * words and photos; the warranty check updates as the purchase date is typed, and a remedy the
 * warranty refuses needs a reason (an exception) before the ticket can be registered as free.
 */
export function TicketCreateDialog({
  workspace,
  board,
  conversation,
  messages,
  onClose,
  onCreated,
}: TicketCreateDialogProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const dialog = useModalDialog(true, '#ticket-fault');
  const directory = useStore(workspace.store, selectDirectory);
  const [draft, setDraft] = useState<TicketDraft>(() => initialDraft(messages));
  const [errors, setErrors] = useState<{ fault?: string; overrideReason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const photos = useMemo(() => chatPhotos(messages), [messages]);
  // New photos the agent adds (e.g. from the shop's own inspection), uploaded at once.
  const uploads = useAttachmentDrafts();
  const site = directory.sites.find((item) => item.id === conversation.siteId);
  const check = previewWarranty(site, conversation, draft.purchaseDate, Date.now());
  const needsOverride = draft.category === 'warranty' && check !== null && !isCovered(check, draft.remedy, null);
  const technicians = Object.values(directory.agents)
    .filter((agent) => agent.active)
    .sort((a, b) => a.name.localeCompare(b.name));

  const set = <K extends keyof TicketDraft>(key: K, value: TicketDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const togglePhoto = (id: string, on: boolean) =>
    set('photoIds', on ? [...draft.photoIds, id] : draft.photoIds.filter((photoId) => photoId !== id));

  async function submit(event: Event) {
    event.preventDefault();
    const invalid: typeof errors = {};
    if (!draft.fault.trim()) invalid.fault = t('tickets.create.faultRequired');
    if (needsOverride && !draft.overrideReason.trim()) invalid.overrideReason = t('tickets.create.reasonRequired');
    if (uploads.unsettled) invalid.form = t('tickets.create.photosUploading');
    setErrors(invalid);
    if (invalid.form) return;
    if (invalid.fault || invalid.overrideReason) {
      dialog.ref.current?.querySelector<HTMLElement>(invalid.fault ? '#ticket-fault' : '#ticket-override')?.focus();
      return;
    }
    setBusy(true);
    const withUploads = { ...draft, photoIds: [...draft.photoIds, ...uploads.attachments.map((photo) => photo.id)] };
    const result = await board.create(toCreatePayload(conversation.id, withUploads, needsOverride));
    setBusy(false);
    if (!result.ok) return setErrors({ form: ticketErrorText(i18n, result.error) });
    onCreated(result.ticket, result.created ?? true);
  }

  return (
    <dialog
      ref={dialog.ref}
      class="ticket-create modal-dialog"
      aria-labelledby="ticket-create-title"
      aria-describedby="ticket-create-intro"
      onKeyDown={dialog.onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form class="ticket-create__form" onSubmit={submit} noValidate>
        <h2 id="ticket-create-title" class="ticket-create__title">
          {t('tickets.create.title')}
        </h2>
        <p id="ticket-create-intro" class="ticket-create__intro">
          {t('tickets.create.intro')}
        </p>
        <p class="ticket-create__product">
          <span class="field__label">{t('tickets.create.product')}: </span>
          {conversation.product?.name ?? t('tickets.noProduct')}
          {conversation.product?.sku && ` (${conversation.product.sku})`}
        </p>
        <div class="ticket-create__grid">
          <TextField
            id="ticket-serial"
            label={t('tickets.create.serial')}
            value={draft.serialNumber}
            onInput={(v) => set('serialNumber', v)}
          />
          <TextField
            id="ticket-purchase"
            type="date"
            label={t('tickets.create.purchaseDate')}
            value={draft.purchaseDate}
            onInput={(v) => set('purchaseDate', v)}
          />
          <TextField
            id="ticket-order"
            label={t('tickets.create.order')}
            value={draft.orderNumber}
            onInput={(v) => set('orderNumber', v)}
          />
        </div>
        <label class="field" for="ticket-fault">
          <span class="field__label">{t('tickets.create.fault')}</span>
          <textarea
            id="ticket-fault"
            class="field__input"
            rows={3}
            required
            aria-invalid={errors.fault ? 'true' : undefined}
            aria-describedby={errors.fault ? 'ticket-fault-error' : undefined}
            value={draft.fault}
            onInput={(event) => set('fault', event.currentTarget.value)}
          />
          {errors.fault && (
            <span id="ticket-fault-error" class="ticket-create__error">
              {errors.fault}
            </span>
          )}
        </label>
        <fieldset class="ticket-create__photos">
          <legend class="field__label">{t('tickets.create.photos')}</legend>
          {photos.length === 0 ? (
            <p class="ticket-create__hint">{t('tickets.create.noPhotos')}</p>
          ) : (
            photos.map((photo) => (
              <label key={photo.id} class="ticket-create__photo">
                <input
                  type="checkbox"
                  checked={draft.photoIds.includes(photo.id)}
                  onChange={(event) => togglePhoto(photo.id, event.currentTarget.checked)}
                />
                <img src={photo.url} alt={photo.name} width={64} height={64} loading="lazy" />
              </label>
            ))
          )}
          <AttachButton onFiles={uploads.add} accept={ATTACHMENT_IMAGE_TYPES} label={t('tickets.create.addPhotos')} />
          <DraftList drafts={uploads} />
        </fieldset>
        <fieldset class="ticket-create__remedy">
          <legend class="field__label">{t('tickets.create.remedy')}</legend>
          {REMEDIES.map((remedy) => (
            <label key={remedy} class="ticket-create__choice">
              <input
                type="radio"
                name="ticket-remedy"
                checked={draft.remedy === remedy}
                onChange={() => set('remedy', remedy)}
              />
              {remedyText(i18n, remedy)}
            </label>
          ))}
        </fieldset>
        <div class="ticket-create__grid">
          <SelectField
            id="ticket-category"
            label={t('tickets.create.category')}
            value={draft.category}
            options={SERVICE_CATEGORIES.map((category) => [category, t(`tickets.category.${category}`)])}
            onChange={(v) => set('category', v as TicketDraft['category'])}
          />
          <SelectField
            id="ticket-priority"
            label={t('tickets.create.priority')}
            value={draft.priority}
            options={TICKET_PRIORITIES.map((priority) => [priority, t(`tickets.priority.${priority}`)])}
            onChange={(v) => set('priority', v as TicketDraft['priority'])}
          />
          <SelectField
            id="ticket-technician"
            label={t('tickets.create.technician')}
            value={draft.technicianId}
            options={[
              ['', t('tickets.nobody')],
              ...technicians.map((agent) => [agent.id, agent.name] as [string, string]),
            ]}
            onChange={(v) => set('technicianId', v)}
          />
        </div>
        {check && (
          <section class="ticket-create__warranty" aria-labelledby="ticket-warranty-title" aria-live="polite">
            <h3 id="ticket-warranty-title" class="ticket-create__subtitle">
              {t('tickets.warranty.title')}
            </h3>
            <WarrantyCheckView check={check} chosen={draft.remedy} override={null} agents={directory.agents} />
          </section>
        )}
        {needsOverride && (
          <label class="field" for="ticket-override">
            <span class="ticket-create__hint">
              {t('tickets.warranty.notCovered', { remedy: remedyText(i18n, draft.remedy) })}
            </span>
            <span class="field__label">{t('tickets.create.overrideReason')}</span>
            <input
              id="ticket-override"
              class="field__input"
              aria-invalid={errors.overrideReason ? 'true' : undefined}
              aria-describedby={errors.overrideReason ? 'ticket-override-error' : undefined}
              value={draft.overrideReason}
              onInput={(event) => set('overrideReason', event.currentTarget.value)}
            />
            {errors.overrideReason && (
              <span id="ticket-override-error" class="ticket-create__error">
                {errors.overrideReason}
              </span>
            )}
          </label>
        )}
        <p class="ticket-create__error" role="alert">
          {errors.form ?? ''}
        </p>
        <div class="ticket-create__actions">
          <button type="button" class="button" onClick={onClose}>
            {t('tickets.create.cancel')}
          </button>
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t('tickets.create.submitting') : t('tickets.create.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
