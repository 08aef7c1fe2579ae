/** A paper's read state as a small select (unread / reading / read). */
import { useT } from '@/components/common/i18n';
import { READ_STATES, type ReadState } from '@/lib/core/paper';

/** See the module comment. */
export function ReadStateSelect(props: {
  value: ReadState;
  label: string;
  onChange(value: ReadState): void;
}) {
  const { t } = useT();
  return (
    <select
      class={`read-select read-${props.value}`}
      aria-label={props.label}
      data-testid="read-state"
      value={props.value}
      onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as ReadState)}
    >
      {READ_STATES.map((s) => (
        <option key={s} value={s}>
          {t(`read.${s}`)}
        </option>
      ))}
    </select>
  );
}
