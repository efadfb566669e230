// Card elements: face-up cards with rank and suit, "??" as a card back.

import { h } from './dom';
import { cardColour, formatCard } from './format';

export function cardEl(card: string, extra = ''): HTMLElement {
  const colour = cardColour(card);
  return h(`span.card.${colour}${extra ? '.' + extra : ''}`, { 'data-card': card }, colour === 'hidden' ? '' : formatCard(card));
}

export function cardsEl(cards: string[], cls = 'cards'): HTMLElement {
  return h(`div.${cls}`, null, cards.map((c) => cardEl(c)));
}
