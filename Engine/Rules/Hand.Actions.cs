using Orleans.Poker.Engine.Cards;

namespace Orleans.Poker.Engine.Rules;

public sealed partial class Hand
{
    /// <summary>What <see cref="Actor"/> may do now (<see cref="LegalActions.Nothing"/> when no player is to act).</summary>
    public LegalActions GetLegalActions()
    {
        var actor = Actor;
        if (actor is not int seat)
        {
            return LegalActions.Nothing;
        }

        switch (phase)
        {
            case HandPhase.Betting:
                var max = MaxBet();
                var toCall = Math.Min(stacks[seat], max - bets[seat]);
                if (bringInStatus)
                {
                    var canComplete = CanRaise(seat);
                    return new LegalActions(seat, false, false, false, 0, canComplete,
                        canComplete ? MinRaiseTo(seat) : 0, canComplete ? MaxRaiseTo(seat) : 0,
                        true, Math.Min(stacks[seat], config.BringIn), false, 0, 0, false, false);
                }

                var canRaise = CanRaise(seat);
                return new LegalActions(seat, bets[seat] < max, toCall == 0, toCall > 0, toCall, canRaise,
                    canRaise ? MinRaiseTo(seat) : 0, canRaise ? MaxRaiseTo(seat) : 0, false, 0, false, 0, 0, false, false);
            case HandPhase.Drawing:
                return new LegalActions(seat, false, false, false, 0, false, 0, 0, false, 0, true, 0, holeCount[seat], false, false);
            case HandPhase.Showdown:
                return new LegalActions(seat, false, false, false, 0, false, 0, 0, false, 0, false, 0, 0, true, allInShow);
            default:
                return LegalActions.Nothing;
        }
    }

    /// <summary>Applies an action if it is legal; otherwise returns false with a typed error and changes nothing.</summary>
    public bool TryApply(PlayerAction action, out EngineError? error)
    {
        error = Validate(action);
        if (error is not null)
        {
            return false;
        }

        log.Add(action);
        Execute(action);
        return true;
    }

    /// <summary>Applies an action or throws <see cref="InvalidOperationException"/> with the engine error.</summary>
    public void Apply(PlayerAction action)
    {
        if (!TryApply(action, out var error))
        {
            throw new InvalidOperationException($"{action}: {error}");
        }
    }

    /// <summary>Checks an action against the current state without changing anything.</summary>
    public EngineError? Validate(PlayerAction action)
    {
        if (phase == HandPhase.Over)
        {
            return new EngineError(EngineErrorCode.HandOver, "the hand is over");
        }

        if (action.Kind is not ActionKind.DealBoard && (action.Seat < 0 || action.Seat >= n))
        {
            return new EngineError(EngineErrorCode.InvalidSeat, $"seat {action.Seat} is not at this table of {n}");
        }

        switch (action.Kind)
        {
            case ActionKind.Fold:
            case ActionKind.CheckOrCall:
            case ActionKind.CompleteBetOrRaiseTo:
            case ActionKind.PostBringIn:
                return ValidateBetting(action);
            case ActionKind.StandPatOrDiscard:
                return ValidateDraw(action);
            case ActionKind.Show:
            case ActionKind.Muck:
                return ValidateShowdown(action);
            case ActionKind.DealHole:
            case ActionKind.DealBoard:
                return ValidateDeal(action);
            default:
                return new EngineError(EngineErrorCode.WrongPhase, $"unknown action {action.Kind}");
        }
    }

    private EngineError? ValidateBetting(PlayerAction action)
    {
        if (phase != HandPhase.Betting)
        {
            return new EngineError(EngineErrorCode.WrongPhase, $"no betting now (the hand waits for {Describe()})");
        }

        var seat = queue[0];
        if (action.Seat != seat)
        {
            return new EngineError(EngineErrorCode.NotYourTurn, $"it is p{seat + 1}'s turn, not p{action.Seat + 1}'s");
        }

        var max = MaxBet();
        switch (action.Kind)
        {
            case ActionKind.Fold:
                if (bringInStatus)
                {
                    return new EngineError(EngineErrorCode.BringInRequired, "post the bring-in or complete");
                }

                return bets[seat] >= max
                    ? new EngineError(EngineErrorCode.CannotFold, "nothing to call: check instead of folding")
                    : null;
            case ActionKind.CheckOrCall:
                return bringInStatus ? new EngineError(EngineErrorCode.BringInRequired, "post the bring-in or complete") : null;
            case ActionKind.PostBringIn:
                return bringInStatus ? null : new EngineError(EngineErrorCode.WrongPhase, "no bring-in is due");
            default:
                var refusal = RaiseRefusal(seat);
                if (refusal is not null)
                {
                    return refusal;
                }

                var min = MinRaiseTo(seat);
                var maxTo = MaxRaiseTo(seat);
                var all = stacks[seat] + bets[seat];
                if (action.Amount > all)
                {
                    return new EngineError(EngineErrorCode.AboveStack, $"raise to {action.Amount} is more than p{seat + 1} has ({all}); legal: {min}..{maxTo}");
                }

                if (action.Amount < min)
                {
                    return new EngineError(EngineErrorCode.BelowMinimumRaise, $"raise to {action.Amount} is below the minimum {min}; legal: {min}..{maxTo}");
                }

                if (action.Amount > maxTo)
                {
                    return new EngineError(EngineErrorCode.AboveMaximum, $"raise to {action.Amount} is above the maximum {maxTo}; legal: {min}..{maxTo}");
                }

                return null;
        }
    }

    private EngineError? ValidateDraw(PlayerAction action)
    {
        if (phase != HandPhase.Drawing)
        {
            return new EngineError(EngineErrorCode.WrongPhase, $"no draw now (the hand waits for {Describe()})");
        }

        var seat = FirstDrawer();
        if (action.Seat != seat)
        {
            return new EngineError(EngineErrorCode.NotYourTurn, $"it is p{seat + 1}'s turn to draw, not p{action.Seat + 1}'s");
        }

        if (action.Cards.Count > holeCount[seat])
        {
            return new EngineError(EngineErrorCode.WrongDiscardCount, $"cannot discard {action.Cards.Count} cards from {holeCount[seat]}; legal: 0..{holeCount[seat]}");
        }

        return FindCards(seat, action.Cards, stackalloc int[PackedCards.Capacity])
            ? null
            : new EngineError(EngineErrorCode.CardNotInHand, $"p{seat + 1} does not hold {action.Cards}");
    }

    private EngineError? ValidateShowdown(PlayerAction action)
    {
        if (phase != HandPhase.Showdown)
        {
            return new EngineError(EngineErrorCode.WrongPhase, $"no showdown now (the hand waits for {Describe()})");
        }

        if (ShowdownPosition(action.Seat) < 0)
        {
            return new EngineError(EngineErrorCode.NotYourTurn, $"p{action.Seat + 1} has nothing to show now");
        }

        if (action.Kind == ActionKind.Muck)
        {
            return allInShow ? new EngineError(EngineErrorCode.MustShow, "everybody shows when a player is all-in") : null;
        }

        var cards = action.Cards;
        if (cards.Count == 0)
        {
            for (var k = 0; k < holeCount[action.Seat]; k++)
            {
                if (!hole[(action.Seat * maxHole) + k].IsKnown)
                {
                    return new EngineError(EngineErrorCode.UnknownCardShown, "the hole cards are unknown: name them to show");
                }
            }

            return null;
        }

        for (var k = 0; k < cards.Count; k++)
        {
            if (!cards[k].IsKnown)
            {
                return new EngineError(EngineErrorCode.UnknownCardShown, "an unknown card cannot be shown");
            }
        }

        if (deck is not null && !FindCards(action.Seat, cards, stackalloc int[PackedCards.Capacity]))
        {
            return new EngineError(EngineErrorCode.CardNotInHand, $"p{action.Seat + 1} does not hold {cards}");
        }

        return null;
    }

    private EngineError? ValidateDeal(PlayerAction action)
    {
        if (deck is not null)
        {
            return new EngineError(EngineErrorCode.DealerActionNotAllowed, "this hand deals from its own deck");
        }

        if (phase != HandPhase.Dealing)
        {
            return new EngineError(EngineErrorCode.WrongPhase, $"no dealing now (the hand waits for {Describe()})");
        }

        var count = action.Cards.Count;
        if (action.Kind == ActionKind.DealBoard)
        {
            return count >= 1 && count <= boardPending
                ? null
                : new EngineError(EngineErrorCode.WrongCardCount, $"{boardPending} board cards are due, not {count}");
        }

        return count >= 1 && count <= pendingCount[action.Seat]
            ? null
            : new EngineError(EngineErrorCode.WrongCardCount, $"p{action.Seat + 1} is due {pendingCount[action.Seat]} hole cards, not {count}");
    }

    private void Execute(PlayerAction action)
    {
        var seat = action.Seat;
        switch (action.Kind)
        {
            case ActionKind.Fold:
                PopQueue();
                MuckHole(seat);
                Emit(HandEventKind.Folded, seat, 0);
                UpdateBetting();
                break;
            case ActionKind.CheckOrCall:
                var amount = Math.Min(stacks[seat], MaxBet() - bets[seat]);
                PopQueue();
                bets[seat] += amount;
                stacks[seat] -= amount;
                acted[seat] = true;
                Emit(amount == 0 ? HandEventKind.Checked : HandEventKind.Called, seat, amount);
                UpdateBetting();
                break;
            case ActionKind.PostBringIn:
                var bringIn = Math.Min(stacks[seat], config.BringIn);
                PopQueue();
                bets[seat] += bringIn;
                stacks[seat] -= bringIn;
                maxBet = Math.Max(maxBet, bets[seat]);
                bringInStatus = false;
                Emit(HandEventKind.BringInPosted, seat, bringIn);
                UpdateBetting();
                break;
            case ActionKind.CompleteBetOrRaiseTo:
                ExecuteRaise(seat, action.Amount);
                break;
            case ActionKind.StandPatOrDiscard:
                ExecuteDraw(seat, action.Cards);
                break;
            case ActionKind.Show:
                DoShow(seat, action.Cards);
                UpdateShowdown();
                break;
            case ActionKind.Muck:
                DoMuck(seat);
                UpdateShowdown();
                break;
            case ActionKind.DealHole:
                ConsumeExplicit(action.Cards);
                for (var k = 0; k < action.Cards.Count; k++)
                {
                    var index = holeCount[seat]++;
                    holeUp[(seat * maxHole) + index] = PopPending(seat);
                    hole[(seat * maxHole) + index] = action.Cards[k];
                }

                cardsVersion++;

                Emit(HandEventKind.HoleCardsDealt, seat, 0, action.Cards, UpMaskOfLast(seat, action.Cards.Count));
                UpdateDealing();
                break;
            case ActionKind.DealBoard:
                ConsumeExplicit(action.Cards);
                for (var k = 0; k < action.Cards.Count; k++)
                {
                    board[boardCount++] = action.Cards[k];
                }

                cardsVersion++;

                boardPending -= action.Cards.Count;
                Emit(HandEventKind.BoardDealt, NoSeat, 0, action.Cards, (1 << action.Cards.Count) - 1);
                UpdateDealing();
                break;
        }
    }

    private int UpMaskOfLast(int seat, int count)
    {
        var mask = 0;
        for (var k = 0; k < count; k++)
        {
            if (holeUp[(seat * maxHole) + holeCount[seat] - count + k])
            {
                mask |= 1 << k;
            }
        }

        return mask;
    }

    private void ExecuteRaise(int seat, long amount)
    {
        var max = MaxBet();
        var increment = amount - max;
        stacks[seat] -= amount - bets[seat];
        bets[seat] = amount;
        maxBet = Math.Max(max, amount);
        bringInStatus = false;
        completionStatus = false;
        opener = seat;
        // PokerKit 0.7: a raise at least as large as the last full raise (zero at the start of a street) reopens the
        // betting for everybody; smaller all-in raises add up and reopen once their sum reaches a full raise.
        if (increment >= raiseAmount)
        {
            raiseAmount = increment;
            shortRaiseSum = 0;
            Array.Clear(acted);
        }
        else
        {
            shortRaiseSum += increment;
            if (shortRaiseSum >= raiseAmount)
            {
                shortRaiseSum = 0;
                Array.Clear(acted);
            }
        }

        raiseCount++;
        acted[seat] = true;
        queueLength = 0;
        for (int k = 1, i = seat + 1 == n ? 0 : seat + 1; k < n; k++, i = i + 1 == n ? 0 : i + 1)
        {
            if (active[i] && stacks[i] > 0)
            {
                queue[queueLength++] = i;
            }
        }

        Emit(HandEventKind.BetOrRaisedTo, seat, amount);
        UpdateBetting();
    }

    private void ExecuteDraw(int seat, PackedCards cards)
    {
        drawPending[seat] = false;
        drawPendingCount--;
        Span<int> positions = stackalloc int[PackedCards.Capacity];
        FindCards(seat, cards, positions);
        var upMask = 0;
        var discarded = PackedCards.Empty;
        for (var k = 0; k < cards.Count; k++)
        {
            var position = positions[k];
            var up = holeUp[(seat * maxHole) + position];
            PushPending(seat, up);
            if (up)
            {
                upMask |= 1 << k;
            }

            discarded = discarded.Add(hole[(seat * maxHole) + position]);
            reserveMask |= hole[(seat * maxHole) + position].Mask;
        }

        // Remove the discarded positions, highest first, keeping the others in order.
        Span<int> sorted = stackalloc int[cards.Count];
        positions[..cards.Count].CopyTo(sorted);
        sorted.Sort();
        for (var k = sorted.Length - 1; k >= 0; k--)
        {
            var position = sorted[k];
            for (var m = position; m < holeCount[seat] - 1; m++)
            {
                hole[(seat * maxHole) + m] = hole[(seat * maxHole) + m + 1];
                holeUp[(seat * maxHole) + m] = holeUp[(seat * maxHole) + m + 1];
            }

            holeCount[seat]--;
        }

        cardsVersion++;

        Emit(cards.Count == 0 ? HandEventKind.StoodPat : HandEventKind.Discarded, seat, cards.Count, discarded, upMask);
        UpdateDealing();
    }

    /// <summary>Finds each card in the seat's hole cards (each position used once).</summary>
    private bool FindCards(int seat, PackedCards cards, Span<int> positions)
    {
        var used = 0;
        for (var k = 0; k < cards.Count; k++)
        {
            var found = -1;
            for (var m = 0; m < holeCount[seat]; m++)
            {
                if ((used & (1 << m)) == 0 && hole[(seat * maxHole) + m] == cards[k])
                {
                    found = m;
                    break;
                }
            }

            if (found < 0)
            {
                return false;
            }

            used |= 1 << found;
            positions[k] = found;
        }

        return true;
    }

    private int ShowdownPosition(int seat)
    {
        for (var k = 0; k < showdownLength; k++)
        {
            if (showdownQueue[k] == seat)
            {
                return k;
            }
        }

        return -1;
    }

    private void RemoveFromShowdown(int seat)
    {
        var position = ShowdownPosition(seat);
        for (var k = position; k < showdownLength - 1; k++)
        {
            showdownQueue[k] = showdownQueue[k + 1];
        }

        showdownLength--;
    }

    private void DoShow(int seat, PackedCards cards)
    {
        RemoveFromShowdown(seat);
        if (cards.Count > 0)
        {
            // Named cards replace the hole cards (PHH: unknown cards revealed at showdown).
            deckMask |= KnownHoleMask(seat);
            ConsumeExplicit(cards);
            holeCount[seat] = 0;
            for (var k = 0; k < cards.Count && k < maxHole; k++)
            {
                hole[(seat * maxHole) + k] = cards[k];
                holeUp[(seat * maxHole) + k] = true;
                holeCount[seat]++;
            }

            cardsVersion++;
        }
        else
        {
            for (var k = 0; k < holeCount[seat]; k++)
            {
                holeUp[(seat * maxHole) + k] = true;
            }
        }

        var shown = PackedCards.Empty;
        for (var k = 0; k < holeCount[seat]; k++)
        {
            shown = shown.Add(hole[(seat * maxHole) + k]);
        }

        Emit(HandEventKind.Shown, seat, 0, shown, (1 << shown.Count) - 1);
    }

    private void DoMuck(int seat)
    {
        RemoveFromShowdown(seat);
        MuckHole(seat);
        Emit(HandEventKind.Mucked, seat, 0);
    }

    private void PopQueue()
    {
        for (var k = 0; k < queueLength - 1; k++)
        {
            queue[k] = queue[k + 1];
        }

        queueLength--;
    }

    private string Describe() => phase switch
    {
        HandPhase.Dealing => "the dealer",
        HandPhase.Betting => $"p{queue[0] + 1} to bet",
        HandPhase.Drawing => $"p{FirstDrawer() + 1} to draw",
        HandPhase.Showdown => $"p{showdownQueue[0] + 1} to show or muck",
        _ => "nothing: the hand is over",
    };
}
