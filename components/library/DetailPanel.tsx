/**
 * The frame of a detail panel in the library (a paper's, an episode's): a close button, the
 * store's error or "loading", then the title (a link when `href` is an http(s) address) and the
 * panel's own content once loaded.
 */
import type { ComponentChildren } from 'preact';
import { useT } from '@/components/common/i18n';
import { errorText } from '@/lib/i18n/errors';
import { isHttpUrl } from '@/lib/core/urls';
import type { MessageError } from '@/lib/core/result';

/** See the module comment. */
export function DetailPanel(props: {
  label: string;
  testId: string;
  title: string;
  href: string | null;
  error: MessageError | null;
  loaded: boolean;
  onClose: () => void;
  children: ComponentChildren;
}) {
  const { t, locale } = useT();
  const href = props.href !== null && isHttpUrl(props.href) ? props.href : null;
  return (
    <aside class="detail" aria-label={props.label} data-testid={props.testId}>
      <button type="button" class="detail-close" onClick={props.onClose} aria-label={t('close')}>
        ×
      </button>
      {props.error && (
        <p class="notice notice-error" role="alert">
          {t('error.store', { message: errorText(props.error, locale) })}
        </p>
      )}
      {!props.loaded && !props.error && <p class="muted">{t('loading')}</p>}
      {props.loaded && (
        <>
          <h3 class="detail-title">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {props.title}
              </a>
            ) : (
              props.title
            )}
          </h3>
          {props.children}
        </>
      )}
    </aside>
  );
}
