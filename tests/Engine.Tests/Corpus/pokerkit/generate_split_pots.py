#!/usr/bin/env python3
"""Generates PHH hands played by PokerKit that stress pot splitting: several all-ins of different
sizes, ties (often between the deepest stacks), odd chips, hi/lo splits with shared lows.

Usage:
    PYTHONPATH=<shared>/pokerkit python3 generate_split_pots.py OUT_DIR [--count N] [--seed S]
        [--variants NT,NS,FT,PO,FO/8,F7S,F7S/8,FR,N2L1D,F2L3D,FB]
        [--hands I,J,... [--why TEXT] [--name NAME]]

<shared> is the folder beside the repository holding PokerKit 0.7.4. The script writes N hands
(default 1000; the variants in turn) into OUT_DIR/<variant>/ (FO/8 -> FO_8), named
<variant>_<seed>_<index>.phh, and prints one line per hand: the file, tags (all-ins, side-pots, split,
odd-chip, killed, deepest-tie, split-low, split-high-split-low) and a summary. A hand depends only on
the seed, its index and --variants, so --hands regenerates chosen hands, --why puts a first comment
saying why one is kept and --name names its file: that is how the hands of ../phh were made (each file
says with which command).

How a hand is made: PokerKit (the game built exactly as HandHistory builds it) plays the hand. The
script only chooses: stacks (several sizes, the two deepest often equal), forced bets with odd amounts,
the cards (a group of two or three players, often the deepest stacks, get hole cards of the same ranks
in other suits so that they tie; hi/lo hands are dealt low cards more often), betting actions (calls and
all-ins mostly), draws, and at showdown whether a player who could muck shows. Everything else is
PokerKit's: legality, the showdown order, hand killing, pots, odd chips, chips pushed. The file is
written from PokerKit's operations with PokerKit's finishing stacks as `finishing_stacks`, then loaded
back and replayed by PokerKit (replay.py in this folder) to those stacks before it is kept.

Where PokerKit 0.7.4 departs from the rules the shared corpus README states (and our engine follows),
the script keeps out of the way, since these hands are about pots: it never makes a raise that a short
all-in raise did not reopen (see act()), keeps FO/8 betting fixed-limit (PokerKit builds FO/8 on its
pot-limit mixin), and leaves out 2-7 hands that show A-2-3-4-5 (PokerKit ranks it a straight).

To compare our engine with PokerKit on the generated hands, replay them with the conformance tests:
    POKER_PHH_CORPUS=OUT_DIR dotnet test tests/Engine.Tests -c Release --filter PhhCorpusTests
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
import warnings
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from replay import ReplayError, replay_text  # noqa: E402  (this folder; it checks pokerkit imports)

from pokerkit import (  # noqa: E402
    Card,
    ChipsPushing,
    CompletionBettingOrRaisingTo,
    Folding,
    HandHistory,
    HandKilling,
    HoleCardsShowingOrMucking,
)

VARIANTS = ('NT', 'NS', 'FT', 'PO', 'FO/8', 'F7S', 'F7S/8', 'FR', 'N2L1D', 'F2L3D', 'FB')
STUD = {'F7S', 'F7S/8', 'FR'}
FIXED_LIMIT = {'FT', 'FO/8', 'F7S', 'F7S/8', 'FR', 'F2L3D', 'FB'}
HI_LO = {'FO/8', 'F7S/8'}
LOW_RANKS = set('A2345678')
MAX_PLAYERS = {'NS': 8, 'F7S': 8, 'F7S/8': 8, 'FR': 8, 'N2L1D': 6, 'F2L3D': 6, 'FB': 6}
INITIAL_HOLE = {'NT': 2, 'NS': 2, 'FT': 2, 'PO': 4, 'FO/8': 4, 'F7S': 7, 'F7S/8': 7, 'FR': 7,
                'N2L1D': 5, 'F2L3D': 5, 'FB': 4}


class Dealer:
    """Chooses the cards: a shuffled deck (low cards first more often in hi/lo), and for a tie group the
    same ranks in other suits as the first member of the group."""

    def __init__(self, rng: random.Random, state, variant: str, group: list[int]) -> None:
        self.rng = rng
        self.state = state
        deck = list(state.deck_cards)
        rng.shuffle(deck)
        if (variant in HI_LO or variant == 'FR') and rng.random() < 0.6:
            deck.sort(key=lambda card: rng.random() * (0.45 if card.rank in LOW_RANKS else 1.0))

        self.deck = deque(deck)
        self.planned: dict[int, deque[Card]] = {}
        if group:
            count = INITIAL_HOLE[variant]
            base = [self.deck.popleft() for _ in range(count)]
            self.planned[group[0]] = deque(base)
            for member in group[1:]:
                self.planned[member] = deque(self._mirror(card) for card in base)

    def _mirror(self, card: Card) -> Card:
        same_rank = [c for c in self.deck if c.rank == card.rank and c.suit != card.suit]
        chosen = self.rng.choice(same_rank) if same_rank else self.deck[0]
        self.deck.remove(chosen)
        return chosen

    def next_cards(self, count: int, player: int | None = None) -> list[Card]:
        cards: list[Card] = []
        planned = self.planned.get(player) if player is not None else None
        while len(cards) < count:
            if planned:
                card = planned.popleft()
            elif self.deck:
                card = self.deck.popleft()
                if card not in self.state.deck_cards:
                    continue
            else:
                dealable = [c for c in self.state.get_dealable_cards(count - len(cards), warning_status=False)
                            if c not in cards]
                card = self.rng.choice(dealable)

            cards.append(card)

        return cards


def forced_bets(rng: random.Random, variant: str, n: int) -> dict:
    fields: dict = {'variant': variant, 'ante_trimming_status': rng.random() < 0.3}
    unit = rng.choice([2, 3, 5, 10, 25, 50])
    ante = rng.choice([0, 0, 1, unit // 2 + 1, unit // 3 + 1])
    if variant in STUD:
        fields['antes'] = [ante or 1] * n
        fields['bring_in'] = max(1, unit // 2 - 1 if unit > 3 else 1)
        fields['small_bet'] = unit
        fields['big_bet'] = unit * 2
        return fields

    big_blind = unit
    small_blind = rng.choice([unit // 2, unit // 2 + 1, max(1, unit // 3)])
    fields['antes'] = [ante] * n if rng.random() < 0.7 else [0] * (n - 1) + [ante * 2 or 1]
    fields['blinds_or_straddles'] = [small_blind, big_blind] + [0] * (n - 2)
    if variant in FIXED_LIMIT:
        fields['small_bet'] = big_blind
        fields['big_bet'] = big_blind * 2
    else:
        fields['min_bet'] = big_blind

    return fields


def starting_stacks(rng: random.Random, variant: str, n: int, fields: dict) -> list[int]:
    unit = fields.get('small_bet') or fields['min_bet']
    depth = rng.choice([3, 6, 12, 25, 60]) if variant in FIXED_LIMIT else rng.choice([5, 10, 20, 40, 100])
    stacks = [max(1, int(unit * depth * rng.uniform(0.08, 1.0)) + rng.randint(0, unit)) for _ in range(n)]
    if rng.random() < 0.5:
        # The two deepest stacks equal: they can both be all-in for the most.
        order = sorted(range(n), key=stacks.__getitem__)
        stacks[order[-2]] = stacks[order[-1]]

    return stacks


def tie_group(rng: random.Random, stacks: list[int]) -> list[int]:
    n = len(stacks)
    if rng.random() < 0.15:
        return []

    size = 3 if n >= 4 and rng.random() < 0.25 else 2
    if rng.random() < 0.6:
        order = sorted(range(n), key=lambda i: (stacks[i], rng.random()))
        return sorted(order[-size:])

    return sorted(rng.sample(range(n), size))


def act(rng: random.Random, state, style: float, may_raise: bool, minimum_only: bool) -> None:
    """One betting action: mostly calls and all-ins, some minimum raises and folds.

    A player who already acted and now faces only all-in raises does not raise: by the rule the shared corpus
    follows (WSOP 96/96a) a short all-in raise does not reopen the betting for them, while PokerKit 0.7.4 lets
    them raise once the all-in raises since the last full raise, that raise included, add up to a full raise.
    """
    if (state.consecutive_all_in_completion_betting_or_raising_amounts
            and state.actor_index in state.acted_player_indices):
        may_raise = False

    if state.can_post_bring_in() and rng.random() < 0.6:
        state.post_bring_in()
        return

    roll = rng.random()
    calling = state.checking_or_calling_amount or 0
    if calling and roll < 0.08 and state.can_fold():
        state.fold()
    elif may_raise and roll < 0.08 + style and state.can_complete_bet_or_raise_to():
        low = state.min_completion_betting_or_raising_to_amount
        high = state.max_completion_betting_or_raising_to_amount
        amount = low if minimum_only else high if rng.random() < 0.7 else rng.randint(low, high)
        state.complete_bet_or_raise_to(amount)
    elif state.can_post_bring_in():
        state.post_bring_in()
    else:
        state.check_or_call()


def play(seed: int, index: int, variant: str):
    rng = random.Random(seed * 1_000_003 + index)
    random.seed(seed * 7_919 + index)  # PokerKit shuffles with the random module
    n = rng.randint(2, MAX_PLAYERS.get(variant, 9))
    if n > 2 and rng.random() < 0.5:
        n = rng.randint(3, min(6, MAX_PLAYERS.get(variant, 9)))

    fields = forced_bets(rng, variant, n)
    stacks = starting_stacks(rng, variant, n, fields)
    history = HandHistory(**fields, starting_stacks=stacks, actions=[])
    game = history.create_game()
    state = game(stacks, n)
    group = tie_group(rng, stacks)
    dealer = Dealer(rng, state, variant, group)
    style = rng.choice([0.2, 0.35, 0.5])
    show_rate = rng.choice([0.0, 0.0, 0.3])
    # PokerKit 0.7.4 builds FO/8 on its pot-limit mixin (any raise up to the pot, no cap) while FO/8 is
    # fixed-limit (the shared corpus README, our engine): FO/8 raises are kept to the minimum, four a street.
    fixed_limit_omaha = variant == 'FO/8'
    street, raises = None, 0
    steps = 0
    while state.status:
        steps += 1
        if steps > 2000:
            raise RuntimeError('the hand does not end')

        if state.can_burn_card():
            state.burn_card('??')
        elif state.can_deal_hole():
            player = state.hole_dealee_index
            state.deal_hole(dealer.next_cards(1, player), player)
        elif state.can_deal_board():
            state.deal_board(dealer.next_cards(state.board_dealing_count))
        elif state.stand_patter_or_discarder_index is not None:
            player = state.stand_patter_or_discarder_index
            cards = list(state.hole_cards[player])
            state.stand_pat_or_discard(rng.sample(cards, rng.randint(0, len(cards))))
        elif state.actor_index is not None:
            if state.street_index != street:
                street, raises = state.street_index, 0
            before = len(state.operations)
            act(rng, state, style, not fixed_limit_omaha or raises < 4, fixed_limit_omaha)
            raises += any(isinstance(o, CompletionBettingOrRaisingTo) for o in state.operations[before:])
        elif state.can_show_or_muck_hole_cards():
            state.show_or_muck_hole_cards(True if rng.random() < show_rate else None)
        else:
            raise RuntimeError('PokerKit waits for something this script does not do')

    return fields, stacks, group, game, state


def describe(variant: str, stacks: list[int], group: list[int], state) -> tuple[str, set[str]]:
    """What the hand exercises, from PokerKit's operations: a sentence and a set of tags."""
    n = len(stacks)
    won = [0] * n
    pushes = []
    folded = set()
    killed = []
    for operation in state.operations:
        if isinstance(operation, ChipsPushing):
            pushes.append(operation)
            for i, amount in enumerate(operation.amounts):
                won[i] += amount
        elif isinstance(operation, Folding):
            folded.add(operation.player_index)
        elif isinstance(operation, HandKilling):
            killed.append(operation.player_index)

    contributions = [stacks[i] - state.stacks[i] + won[i] for i in range(n)]
    all_ins = sorted({contributions[i] for i in range(n) if contributions[i] == stacks[i] and i not in folded})
    pot_count = len({push.pot_index for push in pushes})
    splits = [p for p in pushes if sum(1 for a in p.amounts if a) >= 2]
    odd = [p for p in splits if len({a for a in p.amounts if a}) > 1]
    low_pushes = [p for p in pushes if p.hand_type_index == 1]
    deepest = sorted(range(n), key=lambda i: stacks[i])[-2:]
    tags = set()
    if len(all_ins) >= 2:
        tags.add('all-ins')
    if pot_count >= 2:
        tags.add('side-pots')
    if splits:
        tags.add('split')
    if odd:
        tags.add('odd-chip')
    if killed:
        tags.add('killed')
    if any(all(p.amounts[i] for i in deepest) for p in splits):
        tags.add('deepest-tie')
    split_high = {p.pot_index for p in splits if p.hand_type_index == 0 and low_pushes}
    split_low = {p.pot_index for p in splits if p.hand_type_index == 1}
    if split_low:
        tags.add('split-low')
    if split_high & split_low:
        tags.add('split-high-split-low')

    parts = [f'{variant}, {n} players, stacks {stacks}']
    if all_ins:
        parts.append(f'all-in for {", ".join(map(str, all_ins))}')
    parts.append(f'{pot_count} pot{"s" if pot_count != 1 else ""} paid')
    if killed:
        parts.append('hands killed: ' + ', '.join(f'p{i + 1}' for i in killed))
    if group:
        parts.append('dealt to tie: ' + ', '.join(f'p{i + 1}' for i in group))
    if splits:
        parts.append(f'{len(splits)} split pot part{"s" if len(splits) != 1 else ""} ({len(odd)} with an odd chip)')
    return '; '.join(parts), tags


def textbook_lowball_conflict(variant: str, state) -> bool:
    """Whether a 2-7 hand shows A-2-3-4-5: PokerKit 0.7.4 ranks it a straight, the textbook rule (the shared corpus
    README, our engine) ace-high, so the two may pay such a hand differently. Those hands are left out."""
    return variant in ('N2L1D', 'F2L3D') and any(
        isinstance(operation, HoleCardsShowingOrMucking) and {card.rank for card in operation.hole_cards} == set('A2345')
        for operation in state.operations)


def phh_text(fields: dict, stacks: list[int], game, state, comments: list[str]) -> str:
    actions = HandHistory.from_game_state(game, state).actions
    history = HandHistory(**fields, starting_stacks=stacks, actions=actions, finishing_stacks=list(state.stacks))
    header = ''.join(f'# {line}\n' for line in comments)
    return header + history.dumps() + '\n'


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('out_dir', type=Path)
    parser.add_argument('--count', type=int, default=1000)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--variants', default=','.join(VARIANTS))
    parser.add_argument('--hands', help='only these hand indices (comma-separated), to regenerate chosen hands')
    parser.add_argument('--why', help='a first comment line saying why the hand is kept (with --hands)')
    parser.add_argument('--name', help='the file name to write, without .phh (with a single --hands index)')
    options = parser.parse_args(arguments)
    variants = options.variants.split(',')
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        parser.error(f'unknown variants {unknown}; known: {",".join(VARIANTS)}')

    indices = [int(i) for i in options.hands.split(',')] if options.hands else range(options.count)
    if options.name and len(indices) != 1:
        parser.error('--name needs a single --hands index')

    skipped = 0
    for index in indices:
        variant = variants[index % len(variants)]
        with warnings.catch_warnings():
            # Draw games and big stud tables deal reshuffled mucked cards: PokerKit advises against it, allows it.
            warnings.filterwarnings('ignore', 'Returning reserved')
            warnings.filterwarnings('ignore', '.*is not recommended to be dealt')
            fields, stacks, group, game, state = play(options.seed, index, variant)
        if textbook_lowball_conflict(variant, state):
            print(f'hand {index}: left out, a shown A-2-3-4-5 in 2-7 lowball', file=sys.stderr)
            skipped += 1
            continue

        summary, tags = describe(variant, stacks, group, state)
        comments = textwrap.wrap(options.why, 110) if options.why else []
        comments += [
            f'Generated by generate_split_pots.py --seed {options.seed} --hands {index}'
            f'{" --variants " + options.variants if options.variants != ",".join(VARIANTS) else ""} with PokerKit 0.7.4,',
            'which replays it to finishing_stacks (replay.py).',
            summary + '.',
        ]
        text = phh_text(fields, stacks, game, state, comments)
        try:
            replay_text(text)
        except ReplayError as error:
            print(f'hand {index}: PokerKit does not replay what it played: {error}', file=sys.stderr)
            return 1

        folder = options.out_dir / variant.replace('/', '_')
        folder.mkdir(parents=True, exist_ok=True)
        name = (options.name or f'{variant.replace("/", "_")}_{options.seed}_{index:05d}') + '.phh'
        (folder / name).write_text(text, encoding='utf-8')
        print(f'{folder.name}/{name}\t{",".join(sorted(tags))}\t{summary}')

    if skipped:
        print(f'{skipped} hands left out (shown A-2-3-4-5 in 2-7 lowball)', file=sys.stderr)

    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
