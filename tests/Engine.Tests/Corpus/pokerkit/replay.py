#!/usr/bin/env python3
"""Replays PHH files with PokerKit and prints the finishing stacks PokerKit reaches.

Usage:
    PYTHONPATH=<shared>/pokerkit python3 replay.py FILE.phh [FILE.phh ...]

<shared> is the folder beside the repository that holds PokerKit 0.7.4 (`../shared` from the
repository root). For every file, in order, one line goes to standard output:

    FILE: finishing_stacks = [s1, s2, ...]

A file that PokerKit cannot load or replay to the end (not TOML, a missing or mistyped field, a field
PokerKit does not know that lacks the leading underscore of the PHH standard, an illegal action, actions
ending before the hand does) or whose `finishing_stacks` field, when present, differs from what PokerKit
reaches, gets a line `FILE: error: ...` on standard error instead, and the script exits with status 1
after trying every file. Any warning PokerKit raises counts as an error, except its advice about which
cards to deal: draw games and big stud tables deal reshuffled mucked cards, which PokerKit allows.

Rake: PHH has none, and PokerKit reads a `rake` field as its rake function, so our server records the
chips it raked as the user-defined field `_rake` (the total taken from the pots, main pot first). When a
file has `_rake`, PokerKit is given a rake function that takes exactly that total from the pots in that
order, so the finishing stacks of a raked hand can be checked too.

The same functions serve generate_split_pots.py (import this file as a module).
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

try:
    from pokerkit import HandHistory
except ImportError:  # pragma: no cover - a clear message instead of a traceback
    sys.exit('replay.py: cannot import pokerkit; run with PYTHONPATH=<shared>/pokerkit')


class ReplayError(Exception):
    """A file that PokerKit does not load or replay to its finishing stacks."""


def recorded_rake(total: int) -> Callable[[int, Any], tuple[int, int]]:
    """A PokerKit rake function taking `total` chips from the pots in order, the main pot first.

    PokerKit forms the pots in one pass, calling the rake function once for each pot it forms, in order; a pot whose
    players are those of the next one is taken back and merged into it, which is called again with the sum. So a pot
    that stays is the first call, after the one before it, whose amount is that pot's (a pot merged later is smaller
    than the merged one). The function keeps its place in the pass on the state and finds each call's share from a
    dry run of the same pass: equal pots raked differently are told apart by their order.
    """

    def one_pass(state: Any) -> tuple[list[int], list[int]]:
        calls: list[int] = []

        def record(amount: int, _: Any = None) -> tuple[int, int]:
            calls.append(amount)
            return 0, amount

        rake = state.rake
        state.rake = record
        try:
            pots = [pot.amount for pot in state.pots]
        finally:
            state.rake = rake
        return calls, pots

    def rake(amount: int, state: Any) -> tuple[int, int]:
        calls, pots = one_pass(state)
        position = state.__dict__.get('_rake_call', 0)
        state.__dict__['_rake_call'] = (position + 1) % len(calls)
        if calls[position] != amount:
            raise ReplayError(f'_rake = {total}: PokerKit formed the pots in an unexpected order')

        remaining, shares, pot = total, {}, 0
        for i, called in enumerate(calls):
            if pot < len(pots) and called == pots[pot]:
                shares[i] = min(remaining, called)
                remaining -= shares[i]
                pot += 1

        share = shares.get(position, 0)
        return share, amount - share

    return rake


def _no_rake(amount: int, state: Any = None) -> tuple[int, int]:
    return 0, amount


def replay_text(text: str) -> list[int]:
    """Loads PHH text with PokerKit, replays it to the end and returns the finishing stacks.

    Raises ReplayError when the text does not load or replay, or when its finishing_stacks differ.
    """
    history = _load(text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            state = None
            for state in history:
                pass
        except ReplayError:
            raise
        except Exception as error:  # PokerKit reports illegal actions with several exception types
            raise ReplayError(f'PokerKit cannot replay it: {type(error).__name__}: {error}') from error

    problems = [str(w.message) for w in caught if not _is_dealing_advice(str(w.message))]
    if problems:
        raise ReplayError('PokerKit warns: ' + '; '.join(problems))

    if state is None or state.status:
        raise ReplayError('the actions end before the hand does')

    stacks = list(state.stacks)
    expected = history.finishing_stacks
    if expected is not None and list(expected) != stacks:
        raise ReplayError(f'PokerKit finishes at {stacks}, the file says finishing_stacks = {list(expected)}')

    return stacks


def _load(text: str) -> HandHistory:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            history = HandHistory.loads(text)
        except Exception as error:  # TOML errors, missing fields, unknown variants
            raise ReplayError(f'PokerKit cannot load it: {type(error).__name__}: {error}') from error

    if caught:
        raise ReplayError('PokerKit warns: ' + '; '.join(str(w.message) for w in caught))

    if not callable(history.rake):
        raise ReplayError(f'rake = {history.rake!r}: PokerKit reads `rake` as its rake function; write the chips raked as `_rake`')

    rake = history.user_defined_fields.get('_rake')
    if rake is None:
        return history

    if not isinstance(rake, int) or isinstance(rake, bool) or rake < 0:
        raise ReplayError(f'_rake = {rake!r}: expected a whole number of chips')

    return HandHistory.loads(text, rake=recorded_rake(rake))


def _is_dealing_advice(message: str) -> bool:
    return 'is not recommended to be dealt' in message or message.startswith('Returning reserved')


def main(arguments: Sequence[str]) -> int:
    if not arguments or arguments[0] in ('-h', '--help'):
        print(__doc__.strip(), file=sys.stderr)
        return 2

    failed = 0
    for argument in arguments:
        try:
            text = Path(argument).read_text(encoding='utf-8')
            stacks = replay_text(text)
        except (OSError, UnicodeDecodeError) as error:
            print(f'{argument}: error: cannot read it: {error}', file=sys.stderr)
            failed += 1
        except ReplayError as error:
            print(f'{argument}: error: {error}', file=sys.stderr)
            failed += 1
        else:
            print(f'{argument}: finishing_stacks = [{", ".join(map(str, stacks))}]')

    if failed:
        print(f'replay.py: {failed} of {len(arguments)} files failed', file=sys.stderr)
        return 1

    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
