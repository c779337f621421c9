import { LIMITS } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { AgentAvatar } from '../../components/AgentAvatar/index.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { MIN_PASSWORD } from './agent-create-form.js';
import { AvatarUrlField, avatarUrlValue, validAvatarUrl } from './avatar-url-field.js';
import { settingsErrorText } from './settings-errors.js';

const selectMe = (state: WorkspaceState) => state.agent;

/** Every agent's own profile: name and picture, and a new password (which signs them out everywhere). */
export function ProfileSection({ workspace }: { workspace: Workspace }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useStore(workspace.store, selectMe);
  const [name, setName] = useState(me?.name ?? '');
  const [picture, setPicture] = useState(me?.avatarUrl ?? '');
  const [profileStatus, setProfileStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Another console (or an admin) changed the profile: show the stored values.
  useEffect(() => {
    setName(me?.name ?? '');
    setPicture(me?.avatarUrl ?? '');
  }, [me?.name, me?.avatarUrl]);

  if (!me) return null;
  const nameInvalid = name.trim() === '';
  const pictureInvalid = !validAvatarUrl(picture);

  async function saveProfile() {
    if (!me || nameInvalid || pictureInvalid) return;
    setBusy(true);
    const result = await workspace.settings.updateAgent({
      agentId: me.id,
      name: name.trim(),
      avatarUrl: avatarUrlValue(picture),
    });
    setBusy(false);
    setProfileStatus(
      result.ok
        ? { text: t('settings.profile.saved'), error: false }
        : { text: settingsErrorText(i18n, result.error), error: true },
    );
  }

  async function changePassword() {
    if (!me) return;
    if (password.length < MIN_PASSWORD)
      return setPasswordError(t('settings.agent.error.password', { min: MIN_PASSWORD }));
    if (password !== repeat) return setPasswordError(t('settings.profile.mismatch'));
    setPasswordError(null);
    setBusy(true);
    // On success the server ends every session of ours, this one included: the console goes
    // back to the sign-in screen, where the new password works.
    const result = await workspace.settings.updateAgent({ agentId: me.id, password });
    setBusy(false);
    if (!result.ok) setPasswordError(settingsErrorText(i18n, result.error));
  }

  return (
    <>
      <form
        class="settings-form settings-form--compact"
        noValidate
        aria-labelledby="profile-title"
        onSubmit={(event) => {
          event.preventDefault();
          void saveProfile();
        }}
      >
        <h2 id="profile-title" class="settings-form__title">
          <AgentAvatar name={me.name} url={me.avatarUrl} size="medium" /> {t('settings.profile.details')}
        </h2>
        <p class="settings-form__muted">
          {me.email} · {t(`settings.role.${me.role}`)}
        </p>
        <fieldset class="settings-form__body" disabled={busy}>
          <div class="settings-form__field">
            <label class="settings-form__label" for="profile-name">
              {t('settings.agent.name')}
            </label>
            <input
              id="profile-name"
              class="field__input"
              maxLength={LIMITS.name}
              autocomplete="name"
              value={name}
              aria-invalid={nameInvalid}
              aria-describedby={nameInvalid ? 'profile-name-error' : undefined}
              onInput={(event) => setName(event.currentTarget.value)}
            />
            {nameInvalid && (
              <p id="profile-name-error" class="settings-form__error">
                {t('settings.agent.error.name')}
              </p>
            )}
          </div>
          <AvatarUrlField
            id="profile-avatar"
            label={t('settings.agent.avatar')}
            value={picture}
            invalid={pictureInvalid}
            onInput={setPicture}
          />
        </fieldset>
        <div class="settings-form__actions">
          <button type="submit" class="button button--primary" disabled={busy || nameInvalid || pictureInvalid}>
            {t('settings.save')}
          </button>
          <span class={profileStatus?.error ? 'settings-form__error' : 'settings-form__status'} role="status">
            {profileStatus?.text ?? ''}
          </span>
        </div>
      </form>
      <form
        class="settings-form settings-form--compact"
        noValidate
        aria-labelledby="password-title"
        onSubmit={(event) => {
          event.preventDefault();
          void changePassword();
        }}
      >
        <h2 id="password-title" class="settings-form__title">
          {t('settings.profile.password')}
        </h2>
        <p class="settings-form__hint" id="password-hint">
          {t('settings.profile.passwordHint')}
        </p>
        <fieldset class="settings-form__body" disabled={busy}>
          <div class="settings-form__field">
            <label class="settings-form__label" for="profile-password">
              {t('settings.profile.newPassword')}
            </label>
            <input
              id="profile-password"
              class="field__input"
              type="password"
              autocomplete="new-password"
              maxLength={LIMITS.password}
              value={password}
              aria-describedby="password-hint"
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          </div>
          <div class="settings-form__field">
            <label class="settings-form__label" for="profile-password-repeat">
              {t('settings.profile.repeatPassword')}
            </label>
            <input
              id="profile-password-repeat"
              class="field__input"
              type="password"
              autocomplete="new-password"
              maxLength={LIMITS.password}
              value={repeat}
              onInput={(event) => setRepeat(event.currentTarget.value)}
            />
          </div>
        </fieldset>
        {passwordError && (
          <p class="settings-form__form-error" role="alert">
            {passwordError}
          </p>
        )}
        <div class="settings-form__actions">
          <button type="submit" class="button" disabled={busy}>
            {t('settings.profile.changePassword')}
          </button>
        </div>
      </form>
    </>
  );
}
