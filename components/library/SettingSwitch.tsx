/**
 * One switch in Settings that turns on something needing an optional permission (arXiv lookups,
 * paper pages): its legend, the switch, what it does and the status line saying how asking went,
 * and {@link useGrantSwitch}, what it does on a click. Test ids follow `name`:
 * `settings-{name}`, `{name}-switch`, `{name}-status`.
 */
import { useEffect, useState } from 'preact/hooks';

/** How asking went, or `off` once turned off; `null` before any click. */
export type SwitchStatus = 'asking' | 'granted' | 'refused' | 'error' | 'off' | null;

/**
 * A switch's state and click: on while `setting` is and `hasPermission` answers true (asked again
 * whenever the setting changes: another page may have changed both); `null` until it answered.
 * A click turns it off with `turnOff`, or asks with `ask`, which must be the click's first call
 * (browsers grant optional permissions only inside it).
 */
export function useGrantSwitch(
  setting: boolean,
  hasPermission: () => Promise<boolean>,
  ask: () => Promise<'granted' | 'refused' | 'error'>,
  turnOff: () => Promise<void>,
): { on: boolean | null; status: SwitchStatus; onClick(): void } {
  const [permission, setPermission] = useState<boolean | null>(null);
  const [status, setStatus] = useState<SwitchStatus>(null);
  const check = () => void hasPermission().then(setPermission);
  useEffect(check, [setting]);
  const on = permission === null ? null : setting && permission;
  const onClick = () => {
    if (on) {
      setStatus(null);
      void turnOff().then(() => {
        setStatus('off');
        check();
      });
      return;
    }
    const asking = ask();
    setStatus('asking');
    void asking.then((outcome) => {
      setStatus(outcome);
      check();
    });
  };
  return { on, status, onClick };
}

/** See the module comment. */
export function SettingSwitch(props: {
  name: string;
  legend: string;
  label: string;
  /** What turning it on does and sends. */
  what: string;
  on: boolean;
  disabled: boolean;
  onClick(): void;
  status: string;
  /** Whether the status says it failed. */
  error: boolean;
}) {
  const { name } = props;
  return (
    <fieldset class="card" id={`settings-${name}`} data-testid={`settings-${name}`}>
      <legend>{props.legend}</legend>
      <p class="switch-line">
        <button
          type="button"
          role="switch"
          class="switch"
          aria-checked={props.on}
          aria-describedby={`${name}-what`}
          data-testid={`${name}-switch`}
          disabled={props.disabled}
          onClick={props.onClick}
        >
          <span class="switch-track" aria-hidden="true">
            <span class="switch-thumb" />
          </span>
          {props.label}
        </button>
      </p>
      <p class="muted" id={`${name}-what`}>
        {props.what}
      </p>
      <p role="status" data-testid={`${name}-status`} class={props.error ? 'error-text' : 'muted'}>
        {props.status}
      </p>
    </fieldset>
  );
}
