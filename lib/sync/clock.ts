/**
 * The hybrid logical clock every write of the background stamps its fields with. Its stamps are
 * epoch milliseconds, as every `modified` time is, with two promises more:
 *
 * - they never go back, and after a sync they are later than anything another browser wrote, so a
 *   browser whose clock runs ahead wins only until another browser changes the same field: that
 *   change is stamped after the one it has seen, whatever its own clock says;
 * - the last {@link SLOT_BITS} bits name the device (a slot from its id), so two browsers never
 *   stamp the same time (unless their ids share a slot): a tie between two devices goes to the
 *   device whose slot is higher, the same way on every browser.
 */

/** How many low bits of a stamp name the device. */
export const SLOT_BITS = 6;
const SLOTS = 1 << SLOT_BITS;

/** The slot of a device id: a number below 2^{@link SLOT_BITS}, the same on every browser. */
export function deviceSlot(deviceId: string): number {
  let hash = 2166136261;
  for (let i = 0; i < deviceId.length; i++) {
    hash ^= deviceId.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash % SLOTS;
}

/** A new random device id (this browser's, kept in storage.local). */
export function newDeviceId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A hybrid logical clock; see the module comment. */
export interface HybridClock {
  /** The next stamp: later than every stamp given or seen, ending in this device's slot. */
  now(): number;
  /** Takes in a stamp seen from another browser, so later stamps come after it. */
  observe(stamp: number): void;
  /** Sets the device whose slot ends every later stamp. */
  setDevice(deviceId: string): void;
  /** The latest stamp given or seen. */
  last(): number;
}

/** A clock reading `wall` (Date.now by default), starting after `start`. */
export function hybridClock(wall: () => number = Date.now, start = 0): HybridClock {
  let last = start;
  let slot = 0;
  return {
    now() {
      const base = Math.max(wall(), last + 1);
      let stamp = base - (base % SLOTS) + slot;
      if (stamp < base) stamp += SLOTS;
      last = stamp;
      return stamp;
    },
    observe(stamp) {
      if (Number.isFinite(stamp) && stamp > last) last = Math.floor(stamp);
    },
    setDevice(deviceId) {
      slot = deviceSlot(deviceId);
    },
    last: () => last,
  };
}
