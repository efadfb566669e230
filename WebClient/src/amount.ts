// Amounts typed by the player (buy-in, top-up, the host's blinds and turn time): the server takes whole numbers only,
// and answered a decimal with its JSON reader's own words. Anything else is refused here, with a message of ours.

/** The typed text as a whole number above 0, or null (empty, 0, negative, decimal, exponent, not a number, too large). */
export function wholeAmount(text: string | null | undefined): number | null {
  const typed = (text ?? '').trim();
  if (!/^\d+$/.test(typed)) return null;
  const value = Number(typed);
  return value > 0 && Number.isSafeInteger(value) ? value : null;
}
