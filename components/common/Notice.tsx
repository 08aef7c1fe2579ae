/** Empty states and errors that say what to do next. */
import { errorText } from '@/lib/i18n/errors';
import type { MessageError } from '@/lib/core/result';
import { useT } from '@/components/common/i18n';

/** An empty list: what is missing, and how to get it. */
export function EmptyState(props: { title: string; hint?: string; testId?: string }) {
  return (
    <div class="empty" role="status" data-testid={props.testId ?? 'empty'}>
      {/* Named for Element Timing, which reports when it is first presented (the popup bench). */}
      <p class="empty-title" elementtiming={props.testId ?? 'empty'}>
        {props.title}
      </p>
      {props.hint && <p class="empty-hint">{props.hint}</p>}
    </div>
  );
}

/** The library could not answer: the background's own message, and what to try. */
export function StoreError(props: { error: MessageError; onRetry?: () => void }) {
  const { t, locale } = useT();
  return (
    <div
      class="notice notice-error"
      role="alert"
      data-testid="store-error"
      data-code={props.error.code}
    >
      <p>{t('error.store', { message: errorText(props.error, locale) })}</p>
      <p class="notice-hint">{t('error.storeHint')}</p>
      {props.onRetry && (
        <button type="button" onClick={props.onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
