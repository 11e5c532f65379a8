/**
 * The optional local PIN (更改密码) that guards acting as a user on one device. It is not a
 * server password: it keeps a classmate at a shared lab computer from switching to your name.
 * A PIN is 4 to 8 digits.
 */
export type PinProblem = 'pin.format' | 'pin.mismatch';

export function pinProblem(pin: string, repeat: string): PinProblem | null {
  if (!/^\d{4,8}$/.test(pin)) return 'pin.format';
  if (pin !== repeat) return 'pin.mismatch';
  return null;
}
