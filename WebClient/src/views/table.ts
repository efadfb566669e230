// Table: seats, board, pots, own cards, turn timer, the legal actions only, bet slider with presets, discards,
// showdown results, sit out / leave / top up, waitlist position, the host's controls (to the host only), the room's
// maintenance banner; resyncs from a snapshot on an eventSeq gap. What it
// shows is a TableState (../tableState): every message and every choice goes through reduce, then it renders.

import type { HubConnection } from '@microsoft/signalr';
import { api, currentSession } from '../api';
import { cardEl } from '../cards';
import { wholeAmount } from '../amount';
import { errorText, transient } from '../errors';
import { h, mount, single, toast } from '../dom';
import { formatChips, formatNumber, formatStakes, isStudVariant, secondsLeft, studFaces, timeSpanSeconds, topUpRoom, turnFraction, variantName } from '../format';
import { onTableReconnected, tableConnection } from '../hubs';
import { language, t } from '../i18n';
import { inviteCodeFor } from '../invites';
import { newestOnly } from '../newest';
import { lastActionLabel } from '../phh';
import { retry } from '../retry';
import { clampAmount, presets, raiseRange } from '../slider';
import { betAmount, initialTableState, isMyTurn, leavesAfterHand, maySend, preActionChoices, reduce, sameTurn, winnerName, type PreActionChoice, type TableInput, type TableState, type Turn } from '../tableState';
import { haptic, setMainButton } from '../telegram';
import type { ActionKind, HandResult, HostSettings, PreAction, SeatView, TableChatMessage, TableEventMessage, TableSettings, TableSnapshot, TableSummary, YourTurnMessage } from '../wire';
import { chatPanel } from './chatPanel';

let clientSeq = Date.now();

export async function tableView(root: HTMLElement, params: string[]): Promise<() => void> {
  const tableId = params[0];
  const s = t();
  const me = currentSession()!;
  let state: TableState = initialTableState(tableId);

  const info = h('div.table-info', { id: 'table-info' });
  const felt = h('div.felt', { id: 'felt' });
  const myCards = h('div.my-cards', { id: 'my-cards' });
  const bar = h('div.action-bar', { id: 'action-bar' });
  const side = h('div.table-controls', { id: 'table-controls' });
  const results = h('div.results', { id: 'results' });
  const hostBox = h('div.host-controls', { id: 'host-controls', hidden: true });
  // The play column (own cards, actions, controls) sits beside the felt on a landscape phone (styles.css).
  const fmt = (n: number) => formatChips(n, language());
  const num = (n: number) => formatNumber(n, language());
  const refused = (e: unknown) => toast(errorText(e, language()), 'error');
  /** A typed amount as a whole number above 0; else null, and the player is told. */
  const typedAmount = (input: HTMLInputElement) => {
    const amount = wholeAmount(input.value);
    if (amount === null) {
      toast(s.errorWholeNumber, 'error');
      input.focus();
    }
    return amount;
  };
  const mySeat = (): SeatView | undefined => state.view?.seats.find((x) => x.playerId === me.playerId);
  // The table's summary names a fixed-limit game's small and big bet, its stakes (the view has the blinds only); read
  // again as each hand starts while it has them (a sit-and-go's bets rise with its levels).
  const readSummary = () => api.get<TableSummary>(`/api/tables/${tableId}`).catch(() => null);
  const [chat, firstSummary] = await Promise.all([chatPanel(tableId, me.playerId, () => mySeat() !== undefined), readSummary()]);
  let summary = firstSummary;
  const refreshBets = async () => {
    const read = await readSummary();
    if (read) {
      summary = read;
      if (state.view) renderInfo();
    }
  };
  mount(root, h('div.table-view', { id: 'table-view' }, info, felt, h('div.play', null, results, myCards, bar, side, hostBox, chat.el)));

  /** Moves the state on; asks for a snapshot or the waitlist position when the step says so. Rendering is the caller's. */
  const dispatch = (input: TableInput) => {
    const { state: next, effects } = reduce(state, input);
    state = next;
    if (effects.includes('resync')) void resync();
    if (effects.includes('refreshPosition')) void refreshPosition();
  };

  const renderAll = () => {
    if (!state.view) return;
    renderInfo();
    renderFelt();
    renderMine();
    renderBar();
    renderSide();
    renderHost();
    renderResults();
    chat.render();
  };

  const renderInfo = () => {
    const v = state.view!;
    const waitPosition = state.waitPosition;
    mount(info,
      h('b', null, v.name), ' · ', variantName(v.variant), ' · ', formatStakes({ ...v, smallBet: summary?.smallBet, bigBet: summary?.bigBet }, language()),
      ' · ', `${s.hand} #${num(v.handNo)}`, v.status !== 'Active' ? h('span.status', { id: 'table-status' }, ` · ${v.status}`) : null,
      waitPosition ? h('span.wait', { id: 'wait-position' }, ` · ${s.waitlistPosition}: ${waitPosition}`) : null,
      v.maintenance ? h('div.banner.maintenance', { id: 'maintenance-banner', role: 'status' }, s.maintenance) : null);
  };

  const renderFelt = () => {
    const v = state.view!;
    const n = v.maxPlayers;
    const seats = Array.from({ length: n }, (_, i) => v.seats.find((x) => x.seat === i) ?? null);
    // Rotate so that my seat is at the bottom.
    const offset = mySeat()?.seat ?? 0;
    const pot = v.pots.reduce((a, p) => a + p.amount, 0);
    mount(felt,
      h('div.center', null,
        h('div.board', { id: 'board' }, v.board.map((c) => cardEl(c))),
        // The server's pots include the street's bets: show the total while betting, the side pots once it is over.
        h('div.pots', { id: 'pots', 'data-total': pot },
          pot ? h('span.pot', null, `${s.pots}: ${fmt(pot)}`) : null,
          v.pots.length > 1 && v.seats.every((x) => x.bet === 0) ? v.pots.map((p, i) => h('span.pot.side', null, `#${i + 1}: ${fmt(p.amount)}`)) : null),
      ),
      seats.map((seat, i) => {
        const pos = (i - offset + n) % n;
        const angle = Math.PI / 2 + (2 * Math.PI * pos) / n;
        const style = { left: `${50 + 42 * Math.cos(angle)}%`, top: `${50 + 38 * Math.sin(angle)}%` };
        return seatEl(i, seat, style);
      }));
  };

  const seatEl = (index: number, seat: SeatView | null, style: Record<string, string>) => {
    const v = state.view!;
    const mine = state.mine;
    if (!seat || seat.playerId == null) {
      // A seat held for a waitlisted player: only they may take it until the hold ends.
      if (seat?.heldFor != null && seat.heldFor !== me.playerId) {
        return h('div.seat.empty.held', { style, 'data-seat': index, 'data-held-for': seat.heldFor }, s.reserved);
      }
      const mineHeld = seat?.heldFor === me.playerId;
      return h(`div.seat.empty${mineHeld ? '.held.for-me' : ''}`, { style, 'data-seat': index },
        mySeat() ? s.emptySeat : h('button', { 'data-action': 'sit', onclick: (e: Event) => sit(e, index) }, mineHeld ? s.heldForYou : s.sit));
    }
    const acting = v.actorSeat === seat.seat && v.deadline;
    const classes = ['seat', seat.folded ? 'folded' : '', seat.sittingOut ? 'out' : '', acting ? 'acting' : '', seat.playerId === me.playerId ? 'me' : '']
      .filter(Boolean).join('.');
    const own = seat.playerId === me.playerId && mine !== null;
    const cards = own ? mine.cards : seat.cards;
    // Stud: the owner sees their down cards face up, marked as down; everyone else sees backs ("??") for them.
    const faces = isStudVariant(v.variant) ? (own ? studFaces(cards, seat.cards) : cards.map((c) => (c === '??' ? 'down' : 'up'))) : null;
    return h(`div.${classes}`, { style, 'data-seat': seat.seat, 'data-player': seat.playerId },
      acting ? ring(v.onTimeBank === true) : null,
      v.buttonSeat === seat.seat ? h('span.dealer', { title: 'Dealer' }, s.dealer) : null,
      // A long name is cut with an ellipsis inside the seat (styles.css); the whole name is its title.
      h('div.name', { title: seat.name ?? undefined }, seat.name ?? '?', seat.isRobot ? ' 🤖' : ''),
      h('div.stack', { 'data-stack': seat.stack }, fmt(seat.stack), seat.allIn ? ` ${s.allIn}` : ''),
      seat.sittingOut ? h('div.tag', null, s.sittingOut) : null,
      seat.lastAction ? h('div.last', { 'data-last': seat.lastAction }, lastActionLabel(seat.lastAction, language())) : null,
      cards.length ? h(`div.cards.small${cards.length > 4 ? '.many' : ''}`, null, cards.map((c, i) => cardEl(c, faces ? faces[i] : ''))) : null,
      seat.bet > 0 ? h('div.bet', { 'data-bet': seat.bet }, fmt(seat.bet)) : null);
  };

  // The turn clock's ring; on the time bank a second ring, in its own colour, runs from the bank's start.
  const ring = (bank: boolean) => {
    const el = h(`div.timer${bank ? '.bank' : ''}`, { id: 'timer', title: bank ? s.timeBank : '' });
    el.innerHTML = '<svg viewBox="0 0 36 36"><circle class="track" cx="18" cy="18" r="16"/><circle class="left" cx="18" cy="18" r="16" pathLength="100"/></svg><span></span>';
    return el;
  };

  const tick = () => {
    const el = document.getElementById('timer');
    const deadline = state.view?.deadline;
    if (!el || !deadline) return;
    const fraction = turnFraction(deadline, Date.now(), state.turnMs);
    (el.querySelector('circle.left') as SVGCircleElement).style.strokeDasharray = `${fraction * 100} 100`;
    const left = secondsLeft(deadline, Date.now());
    el.querySelector('span')!.textContent = left === null ? '' : num(left);
  };
  const timer = window.setInterval(tick, 250);

  const renderMine = () => {
    const { view: v, mine, selected } = state;
    if (!v || !mine || !mine.cards.length) return mount(myCards);
    const legal = mine.legal;
    const discarding = legal?.discardMax != null && legal.discardMax > 0;
    const stud = isStudVariant(v.variant);
    const faces = stud ? studFaces(mine.cards, v.seats.find((x) => x.seat === mine.seat)?.cards ?? []) : null;
    mount(myCards, mine.cards.map((c, i) => {
      const el = cardEl(c, selected.has(c) ? 'selected' : '');
      // Stud: the cards everyone sees are the up cards; the rest are down (face up for their owner only).
      if (faces) {
        el.classList.add(faces[i]);
        el.title = faces[i] === 'down' ? s.downCard : s.upCard;
      }
      if (discarding) {
        el.classList.add('pick');
        el.onclick = () => {
          dispatch({ type: 'toggleCard', card: c });
          renderMine();
          renderBar();
        };
      }
      return el;
    }));
  };

  // On a phone the action bar is below the felt: when a turn of the player's starts it is brought into view (with their
  // cards just above it), once per turn, so that a player who scrolled away meanwhile is not pulled back.
  let shownTurn: Turn | null = null;
  const renderBar = () => {
    const v = state.view!;
    setMainButton(null, null);
    const myTurn = isMyTurn(state);
    bar.classList.toggle('my-turn', myTurn);
    if (myTurn && !sameTurn(shownTurn, { handNo: v.handNo, turnId: v.turnId })) {
      shownTurn = { handNo: v.handNo, turnId: v.turnId };
      requestAnimationFrame(() => bar.scrollIntoView({ block: 'nearest' }));
    }
    if (!myTurn) {
      const choices = preActionChoices(state);
      if (choices.length) return mount(bar, h('div.pre-actions', null, h('span.hint', null, s.preActions), choices.map(preActionButton)));
      return mount(bar, v.status === 'Waiting' ? h('span.hint', null, s.waitingForPlayers) : null);
    }
    const mine = state.mine!;
    const legal = mine.legal!;
    // The actions name the turn on screen: if the table moved on meanwhile they are refused (stale_action), never misapplied.
    const turn: Turn = { handNo: v.handNo, turnId: v.turnId };
    const act = (kind: ActionKind, amountTo = 0, cards: string[] | null = null) => send(turn, kind, amountTo, cards);
    const buttons: HTMLElement[] = [];
    if (legal.discardMax != null && legal.discardMax > 0) {
      const n = state.selected.size;
      const ok = n >= (legal.discardMin ?? 0) && n <= legal.discardMax;
      buttons.push(h('button.primary', { 'data-action': 'discard', disabled: !ok, onclick: () => act('Discard', 0, [...state.selected]) },
        n === 0 ? s.standPat : `${s.discard} ${n}`));
      return mount(bar, h('span.hint', null, `${s.discard} ${legal.discardMin ?? 0}–${legal.discardMax}`), buttons);
    }
    if (legal.canFold) buttons.push(h('button.fold', { 'data-action': 'fold', onclick: () => act('Fold') }, s.fold));
    if (legal.canCheck) buttons.push(h('button', { 'data-action': 'check', onclick: () => act('Check') }, s.check));
    if (legal.callAmount != null && legal.callAmount > 0) {
      buttons.push(h('button', { 'data-action': 'call', onclick: () => act('Call', legal.callAmount!) }, `${s.call} ${fmt(legal.callAmount)}`));
    }
    if (legal.bringIn != null && legal.bringIn > 0) {
      buttons.push(h('button', { 'data-action': 'bring-in', onclick: () => act('BringIn', legal.bringIn!) }, `${s.bringIn} ${fmt(legal.bringIn)}`));
    }
    const range = raiseRange(legal);
    let sizing: HTMLElement | null = null;
    if (range) {
      // What the button says is what it sends.
      let amount = betAmount(state, turn, range);
      const betting = v.seats.every((x) => x.bet === 0);
      const label = () => `${betting ? s.bet : s.raiseTo} ${fmt(amount)}`;
      const raiseButton = h('button.primary', { 'data-action': 'raise', onclick: () => act('BetOrRaise', amount) }, label());
      const slider = h('input', { type: 'range', id: 'bet-slider', min: String(range.min), max: String(range.max), step: '1', value: String(amount) }) as HTMLInputElement;
      const box = h('input', { type: 'number', id: 'bet-amount', min: String(range.min), max: String(range.max), step: '1', value: String(amount) }) as HTMLInputElement;
      const set = (value: number) => {
        amount = clampAmount(value, range);
        dispatch({ type: 'amount', turn, amount });
        slider.value = box.value = String(amount);
        raiseButton.textContent = label();
      };
      slider.oninput = () => set(Number(slider.value));
      box.onchange = () => set(Number(box.value));
      const names = { min: s.min, half: s.half, pot: s.pot, allIn: s.allIn };
      sizing = h('div.sizing', null,
        h('div.presets', null, presets(range, v.pots, v.seats, mine.seat).map((p) => h('button.chip', { 'data-preset': p.key, onclick: () => set(p.amount) }, names[p.key]))),
        h('div.slider', null, slider, box));
      buttons.push(raiseButton);
    }
    mount(bar, sizing, h('div.buttons', null, buttons));
    const primary = buttons.find((b) => b.dataset.action === 'check' || b.dataset.action === 'call');
    if (primary) setMainButton(primary.textContent, () => primary.click());
  };

  /** A pre-action toggle: choosing the active one again clears it. */
  const preActionButton = (choice: PreActionChoice) => {
    const label = choice.kind === 'CheckFold' ? s.checkFold : choice.kind === 'Check' ? s.check
      : choice.kind === 'Call' ? `${s.call} ${fmt(choice.amount)}` : s.callAny;
    return h(choice.active ? 'button.pre.on' : 'button.pre', {
      'data-pre-action': choice.kind, 'aria-pressed': String(choice.active),
      onclick: () => void preAct(choice.active ? null : { kind: choice.kind, amount: choice.amount }),
    }, label);
  };

  const renderSide = () => {
    const seat = mySeat();
    const v = state.view!;
    const waitPosition = state.waitPosition;
    if (!seat) {
      const previous = (document.getElementById('buy-in') as HTMLInputElement | null)?.value;
      const suggested = Math.min(v.maxBuyIn, Math.max(v.minBuyIn, v.bigBlind * 100));
      const held = v.seats.find((x) => x.heldFor === me.playerId && x.playerId == null);
      // Queueing is for a full table (a seat held for somebody else counts as taken).
      const full = v.seats.every((x) => x.playerId != null || x.heldFor != null);
      mount(side,
        held ? h('div.offer', { id: 'seat-offer', 'data-seat': held.seat },
          `${s.seatHeld}${held.heldUntil ? ` ${new Date(held.heldUntil).toLocaleTimeString(language() === 'fa' ? 'fa-IR' : 'en-GB')}` : ''} `,
          h('button.primary', { id: 'take-held-seat', onclick: (e: Event) => sit(e, held.seat) }, s.sit)) : null,
        // What the box shows is what a seat is taken with: the suggestion until the player types (an emptied box stays empty).
        h('label', null, `${s.buyIn} (${fmt(v.minBuyIn)}–${fmt(v.maxBuyIn)}) `,
          h('input', { type: 'number', id: 'buy-in', min: String(v.minBuyIn), max: String(v.maxBuyIn), step: '1', value: previous ?? String(suggested) })),
        held ? null
          : waitPosition ? h('button', { id: 'leave-waitlist', onclick: leaveWaitlist }, s.leaveWaitlist)
            : full ? h('button', { id: 'join-waitlist', onclick: joinWaitlist }, s.joinWaitlist) : null);
      return;
    }
    // A hint only: the table checks the amount (between hands, the stack at most the maximum buy-in).
    const room = topUpRoom(seat.stack, v.maxBuyIn);
    const typed = (document.getElementById('top-up-amount') as HTMLInputElement | null)?.value ?? ''; // survives re-renders
    const topUp = h('input', { type: 'number', id: 'top-up-amount', placeholder: `≤ ${fmt(room)}`, title: s.amount, min: '1', max: String(room), step: '1', value: typed }) as HTMLInputElement;
    mount(side,
      seat.sittingOut
        ? h('button', { id: 'sit-in', onclick: (e: Event) => post(e, 'sit-in') }, s.sitIn)
        : h('button', { id: 'sit-out', onclick: (e: Event) => post(e, 'sit-out') }, s.sitOut),
      h('button', { id: 'leave', onclick: leave }, s.leave),
      // A sit-and-go's stacks are the tournament's: no top-ups there (the table refuses them).
      v.type === 'SitAndGo' ? null
        : h('span.topup', null, topUp, h('button', { id: 'top-up', onclick: (e: Event) => topUpBy(e, topUp) }, s.topUp)));
  };

  // The host's controls: only the host sees them (the table refuses anyone else); the limits come from the table.
  let hostSettings: HostSettings | null = null;
  const loadHostSettings = async () => {
    hostSettings = await api.get<HostSettings>(`/api/tables/${tableId}/host`).catch(() => null);
    renderHost();
  };
  const settingsText = (x: TableSettings) => `${formatStakes(x, language())} · ${formatNumber(timeSpanSeconds(x.turnTime), language())} ${s.seconds}`;
  const renderHost = () => {
    const v = state.view!;
    if (v.hostId !== me.playerId || v.status === 'Ended') {
      hostBox.hidden = true;
      return mount(hostBox);
    }
    hostBox.hidden = false;
    if (!hostSettings) {
      void loadHostSettings();
      return mount(hostBox, h('b', null, s.host));
    }
    const limits = hostSettings;
    const typedBlind = (document.getElementById('host-big-blind') as HTMLInputElement | null)?.value;
    const typedTurn = (document.getElementById('host-turn-time') as HTMLInputElement | null)?.value;
    const bigBlind = h('input', { type: 'number', id: 'host-big-blind', min: String(limits.minBigBlind), max: String(limits.maxBigBlind), step: '1',
      value: typedBlind || String(v.nextSettings?.bigBlind ?? v.bigBlind), disabled: !limits.blindsChangeable }) as HTMLInputElement;
    const turnTime = h('input', { type: 'number', id: 'host-turn-time', min: String(timeSpanSeconds(limits.minTurnTime)), step: '1',
      max: String(timeSpanSeconds(limits.maxTurnTime)), value: typedTurn || String(timeSpanSeconds((v.nextSettings ?? limits.current).turnTime)) }) as HTMLInputElement;
    const others = v.seats.filter((x) => x.playerId != null && x.playerId !== me.playerId);
    const kicked = h('select', { id: 'host-kick-player' }, others.map((x) => h('option', { value: String(x.playerId) }, x.name ?? `#${x.seat + 1}`))) as HTMLSelectElement;
    mount(hostBox,
      h('b', null, s.host),
      v.status === 'Paused'
        ? h('button', { id: 'host-resume', onclick: (e: Event) => hostPost(e, 'resume') }, s.resume)
        : h('button', { id: 'host-pause', onclick: (e: Event) => hostPost(e, 'pause') }, s.pause),
      h('button.fold', { id: 'host-close', onclick: (e: Event) => { if (confirm(s.closeConfirm)) void hostPost(e, 'close'); } }, s.closeTable),
      others.length ? h('span.kick', null, kicked,
        h('button', { id: 'host-kick', onclick: (e: Event) => kick(e, Number(kicked.value)) }, s.kick)) : null,
      h('div.settings', null,
        h('label', null, `${s.bigBlind} `, bigBlind),
        h('label', null, `${s.turnSeconds} `, turnTime),
        h('button', {
          id: 'host-apply',
          onclick: async (e: Event) => {
            const blind = limits.blindsChangeable ? typedAmount(bigBlind) : null;
            const seconds = blind === null && limits.blindsChangeable ? null : typedAmount(turnTime);
            if (seconds === null) return;
            const changed = (await hostPost(e, 'settings', { bigBlind: blind, turnTimeSeconds: seconds })) as HostSettings | null | undefined;
            if (changed) hostSettings = changed;
          },
        }, s.applyNextHand),
        h('div.hint', { id: 'host-limits' }, `${s.hostLimits}: ${s.bigBlind} ${fmt(limits.minBigBlind)}–${fmt(limits.maxBigBlind)}, `
          + `${timeSpanSeconds(limits.minTurnTime)}–${timeSpanSeconds(limits.maxTurnTime)} s`)),
      v.nextSettings ? h('div.next', { id: 'host-next' }, `${s.nextHand}: ${settingsText(v.nextSettings)}`) : null);
  };
  // One host request at a time: a double tap sends one. The answer, or null when refused (the host is told why).
  const hostPost = single((what: string, body: unknown = {}) =>
    api.post<unknown>(`/api/tables/${tableId}/host/${what}`, body).catch((e: unknown) => { refused(e); return null; }));
  /** Removes a player; the host is told when (at once, or when the hand they are in ends: the table answers 0 chips then). */
  const kick = async (event: Event, playerId: number) => {
    const seat = state.view?.seats.find((x) => x.playerId === playerId);
    const removed = (await hostPost(event, 'kick', { playerId })) as { amount: number } | null | undefined;
    if (!removed || !seat) return;
    const name = seat.name ?? `#${seat.seat + 1}`;
    toast((leavesAfterHand(removed.amount, seat) ? s.kickedAfterHand : s.kickedNow).replace('{name}', name));
  };

  const renderResults = () => {
    const { result, view } = state;
    if (!result || !view) return mount(results);
    mount(results, h('div.result', { id: 'showdown', 'data-hand': result.handNo },
      h('b', null, `${s.hand} #${num(result.handNo)}`),
      result.board.length ? h('div.cards.small', null, result.board.map((c) => cardEl(c))) : null,
      result.awards.map((a) => h('div.award', { 'data-seat': a.seat },
        `${winnerName(result, a)} ${s.wins} ${fmt(a.amount)}`, a.hand ? ` — ${a.hand}` : '',
        a.cards.length ? h('span.cards.small', null, a.cards.map((c) => cardEl(c))) : null))));
  };

  /** A request of the seated player's (or of a seat taken): its answer, or null when refused (the player is told why). */
  const request = async <T = unknown>(what: string, body: unknown = {}): Promise<T | null> => {
    try {
      return (await api.post<T>(`/api/tables/${tableId}/${what}`, body)) ?? ({} as T);
    } catch (e) {
      refused(e);
      return null;
    }
  };
  // Each button sends one request at a time (single): a double tap sends one.
  const post = single((what: string) => request(what));

  /** Leaves: cashed out now, after the hand the player is in, or (a sit-and-go) sitting out with the stack kept. */
  const leave = single(async () => {
    const seat = mySeat();
    const left = await request<{ amount: number }>('leave');
    if (!left || !seat) return;
    // In a started sit-and-go a player still in keeps the seat and the stack; one out of chips just leaves.
    toast(state.view?.type === 'SitAndGo' && left.amount === 0 && seat.stack > 0 ? s.leftSitAndGo
      : leavesAfterHand(left.amount, seat) ? s.leaveAfterHand : s.leftTable.replace('{amount}', fmt(left.amount)));
  });

  const topUpBy = single(async (input: HTMLInputElement) => {
    const chips = typedAmount(input);
    if (chips === null || !(await request('top-up', { amount: chips }))) return;
    toast(`${s.topUp} +${fmt(chips)}`);
    const box = document.getElementById('top-up-amount') as HTMLInputElement | null;
    if (box) box.value = '';
  });

  // Only the newest look-up or change of the player's place is shown: an older answer that arrives after it is dropped.
  const place = newestOnly<string>();
  const showPosition = (ticket: number, position: number | null) => {
    if (!place.isNewest(tableId, ticket)) return;
    dispatch({ type: 'waitPosition', position });
    renderAll();
  };
  const refreshPosition = () => {
    const ticket = place.ask(tableId);
    return api.get<{ position: number | null }>(`/api/tables/${tableId}/waitlist/position`)
      .then((r) => showPosition(ticket, r.position))
      .catch(() => undefined);
  };

  const sit = single(async (seat: number) => {
    // The buy-in box is shown whenever the player is not seated: what it shows is sent (a whole number above 0).
    const input = document.getElementById('buy-in') as HTMLInputElement | null;
    const buyIn = input ? typedAmount(input) : null;
    if (buyIn === null) return;
    // A private table seats only a player with its code: the one this browser was given, if any (undefined is not sent).
    await request('sit', { buyIn, seat, inviteCode: inviteCodeFor(tableId) });
  });

  const joinWaitlist = single(async () => {
    const ticket = place.ask(tableId);
    try {
      // A private table queues only a player with its code, as for a seat.
      const { position } = await api.post<{ position: number | null }>(`/api/tables/${tableId}/waitlist`, { inviteCode: inviteCodeFor(tableId) });
      showPosition(ticket, position);
    } catch (e) {
      refused(e);
    }
  });
  const leaveWaitlist = async () => {
    // Out of the queue at once: a look-up still under way is dropped, and no new one starts while not queued.
    showPosition(place.ask(tableId), null);
    await api.del(`/api/tables/${tableId}/waitlist`).catch(() => undefined);
  };

  let hub: HubConnection;
  const send = async (turn: Turn, kind: ActionKind, amountTo: number, cards: string[] | null) => {
    if (!maySend(state, turn)) return;
    // Offline the call would wait for the connection's keep-alive to run out: say so now (nothing is sent).
    if (navigator.onLine === false) return toast(s.errorNotConnected, 'error');
    dispatch({ type: 'actSent', turn });
    try {
      await hub.invoke('Act', tableId, turn.handNo, turn.turnId, kind, amountTo, cards, ++clientSeq);
      dispatch({ type: 'actAccepted' });
    } catch (e) {
      dispatch({ type: 'actRefused', turn });
      refused(e);
      haptic('error');
    }
  };

  const preAct = async (choice: PreAction | null) => {
    try {
      const kept = await hub.invoke<PreAction | null>('PreAct', tableId, state.view!.handNo, choice?.kind ?? null, choice?.amount ?? 0);
      dispatch({ type: 'preAction', preAction: kept });
      renderBar();
    } catch (e) {
      refused(e);
    }
  };

  /**
   * Applies a snapshot or an event; true when it moved the table on (a stale event, or one after a gap, does not: the
   * gap is repaired by a snapshot). The page's data-seq follows the last one applied (the end-to-end tests read it).
   */
  const receive = (input: TableInput) => {
    const before = state.lastSeq;
    dispatch(input);
    if (state.lastSeq === before) return false;
    root.dataset.seq = String(state.lastSeq);
    return true;
  };

  const resync = async () => {
    if (state.resyncing) return;
    dispatch({ type: 'resyncStarted' });
    try {
      root.dataset.resyncs = String(Number(root.dataset.resyncs ?? 0) + 1);
      const snapshot = await hub.invoke<TableSnapshot | null>('Snapshot', tableId);
      if (snapshot) {
        receive({ type: 'snapshot', snapshot });
        renderAll();
      }
    } finally {
      dispatch({ type: 'resyncEnded' });
    }
  };

  const onSnapshot = (snapshot: TableSnapshot) => {
    receive({ type: 'snapshot', snapshot });
    renderAll();
  };
  const onEvent = (message: TableEventMessage) => {
    if (!receive({ type: 'event', message, now: Date.now() })) return;
    renderAll();
    if (message.kind === 'HandStarted' && summary?.smallBet && summary.type === 'SitAndGo') void refreshBets();
  };
  const onYourTurn = (message: YourTurnMessage) => {
    if (message.tableId !== tableId) return;
    haptic('turn');
    const before = state.mine;
    dispatch({ type: 'yourTurn', message, now: Date.now() });
    if (state.mine !== before) renderBar();
  };
  const onHandFinished = (result: HandResult) => {
    dispatch({ type: 'handFinished', result });
    renderResults();
  };
  const onChat = (message: TableChatMessage) => {
    if (message.tableId === tableId) chat.receive(message.message);
  };

  hub = await tableConnection();
  hub.on('snapshot', onSnapshot);
  hub.on('event', onEvent);
  hub.on('yourTurn', onYourTurn);
  hub.on('handFinished', onHandFinished);
  hub.on('chat', onChat);
  // A watch that failed (the table's silo out of reach a moment) is tried again while the page is open, else the
  // table would look connected and never move; a newer watch (after another reconnect) or leaving the page ends it.
  let watching = 0;
  const watch = () => {
    const run = ++watching;
    return retry(() => hub.invoke('Watch', tableId), () => run === watching, (e, failures) => {
      // A refusal that trying again cannot change (the table is gone, say) is shown and ends the tries.
      const again = transient(e);
      if (failures === 0 || !again) refused(e);
      return again;
    });
  };
  // Chat lines are not replayed after a reconnect: the kept lines are read again.
  const offReconnected = onTableReconnected(() => { dispatch({ type: 'reconnected' }); void watch().then((ok) => (ok ? chat.reload() : undefined)); });
  void watch();
  void refreshPosition();

  return () => {
    watching++;
    clearInterval(timer);
    offReconnected();
    hub.off('snapshot', onSnapshot);
    hub.off('event', onEvent);
    hub.off('yourTurn', onYourTurn);
    hub.off('handFinished', onHandFinished);
    hub.off('chat', onChat);
    void hub.invoke('Unwatch', tableId).catch(() => undefined);
    setMainButton(null, null);
  };
}
