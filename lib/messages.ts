/** Runtime messages between the extension's parts. */

/** Asks the background whether it is alive. */
export interface PingMessage {
  type: 'ping';
}

/** The background's answer to {@link PingMessage}. */
export interface PingReply {
  ok: true;
  version: string;
}

/** Every message the background understands. */
export type RuntimeMessage = PingMessage;

/** Whether `value` is a {@link PingMessage}. */
export function isPingMessage(value: unknown): value is PingMessage {
  return (
    typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'ping'
  );
}
