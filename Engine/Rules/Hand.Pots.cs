using Orleans.Poker.Engine.Evaluation;

namespace Orleans.Poker.Engine.Rules;

public sealed partial class Hand
{
    /// <summary>The main and side pots from what has been put in so far (current bets included).</summary>
    public IReadOnlyList<Pot> CurrentPots() => phase == HandPhase.Over ? finalPots : BuildPots(null, ActiveMask());

    /// <summary>
    /// PokerKit's pot construction: one level per distinct contribution (dead antes join the first pot when antes are
    /// not trimmed); a pot can be won by the <paramref name="contenders"/> (a seat bit mask) who reached its level, and
    /// a pot that the same contenders can win as the pot before it merges into that one. When
    /// <paramref name="eligibleMasks"/> is given each pot's eligible seats go there as a bit mask (it needs room for
    /// <see cref="n"/> entries).
    /// </summary>
    private Pot[] BuildPots(int[]? eligibleMasks, int contenders)
    {
        Span<long> contributions = stackalloc long[n];
        long amount = 0;
        var trimming = config.AnteTrimming;
        for (var i = 0; i < n; i++)
        {
            contributions[i] = starting[i] - stacks[i];
            if (!trimming)
            {
                amount += effectiveAntes[i];
                contributions[i] -= effectiveAntes[i];
            }
        }

        // The usual case: every contender has put in the most, so there is one pot that all of them can win.
        long most = 0;
        long sum = amount;
        for (var i = 0; i < n; i++)
        {
            most = Math.Max(most, contributions[i]);
            sum += contributions[i];
        }

        var single = contenders != 0;
        for (var i = 0; i < n && single; i++)
        {
            single = (contenders & (1 << i)) == 0 || contributions[i] == most;
        }

        if (single)
        {
            if (sum <= 0)
            {
                return [];
            }

            if (eligibleMasks is not null)
            {
                eligibleMasks[0] = contenders;
            }

            return [new Pot(sum, Seats(contenders))];
        }

        Span<long> levels = stackalloc long[n];
        contributions.CopyTo(levels);
        for (var l = 1; l < n; l++)
        {
            // Insertion sort: a handful of seats.
            var value = levels[l];
            var m = l - 1;
            while (m >= 0 && levels[m] > value)
            {
                levels[m + 1] = levels[m];
                m--;
            }

            levels[m + 1] = value;
        }
        Span<long> amounts = stackalloc long[n];
        Span<int> masks = stackalloc int[n];
        var count = 0;
        long previous = 0;
        for (var l = 0; l < n; l++)
        {
            var level = levels[l];
            if (l > 0 && level == levels[l - 1])
            {
                continue;
            }

            var eligible = 0;
            for (var i = 0; i < n; i++)
            {
                if (contributions[i] >= level)
                {
                    amount += level - previous;
                    eligible |= contenders & (1 << i);
                }
            }

            if (eligible == 0)
            {
                if (count > 0)
                {
                    amounts[count - 1] += amount;
                    amount = 0;
                }

                previous = level;
                continue;
            }

            while (count > 0 && masks[count - 1] == eligible)
            {
                amount += amounts[count - 1];
                count--;
            }

            if (amount > 0)
            {
                amounts[count] = amount;
                masks[count] = eligible;
                count++;
            }

            amount = 0;
            previous = level;
        }

        if (count == 0)
        {
            return [];
        }

        var pots = new Pot[count];
        for (var p = 0; p < count; p++)
        {
            pots[p] = new Pot(amounts[p], Seats(masks[p]));
            if (eligibleMasks is not null)
            {
                eligibleMasks[p] = masks[p];
            }
        }

        return pots;
    }

    private static int[] Seats(int mask)
    {
        var seats = new int[System.Numerics.BitOperations.PopCount((uint)mask)];
        var k = 0;
        for (var i = 0; mask != 0; i++, mask >>= 1)
        {
            if ((mask & 1) != 0)
            {
                seats[k++] = i;
            }
        }

        return seats;
    }

    private int ActiveMask()
    {
        var mask = 0;
        for (var i = 0; i < n; i++)
        {
            if (active[i])
            {
                mask |= 1 << i;
            }
        }

        return mask;
    }

    /// <summary>
    /// Pays the pots as PokerKit does: at a showdown the hands that cannot win any part of any pot are killed first
    /// and the pots are formed again over the hands left (pots left with the same hands merge); each pot is then
    /// split on its own, in a hi/lo game in halves when any hand left has a low.
    /// </summary>
    private void Finish()
    {
        CollectBets(true);
        queueLength = 0;
        showdownLength = 0;
        var contenders = ActiveMask();
        if (activeCount > 1)
        {
            // A showdown: CanWinNow (in Contenders) has just built the pots over the seats still in.
            var live = Contenders();
            finalPots = live == contenders ? showdownPots! : BuildPots(null, live);
            contenders = live;
        }
        else
        {
            finalPots = BuildPots(null, contenders);
        }

        showdownPots = null;
        TakeRake();
        if (activeCount == 1)
        {
            var winner = Array.IndexOf(active, true);
            for (var p = 0; p < finalPots.Length; p++)
            {
                Award(p, winner, finalPots[p].Amount);
            }
        }
        else
        {
            // PokerKit splits every pot in halves when any hand left has a low, even a pot none of whose players has
            // one: that half is then shared by all of them.
            HandRanking? lowHalf = null;
            if (variant.LowRanking is HandRanking low)
            {
                for (var others = contenders; others != 0 && lowHalf is null; others &= others - 1)
                {
                    lowHalf = Value(System.Numerics.BitOperations.TrailingZeroCount(others), low) > 0 ? low : null;
                }
            }

            for (var p = 0; p < finalPots.Length; p++)
            {
                var pot = finalPots[p];
                var eligible = (int[])pot.Eligible;
                var lowShare = lowHalf is null ? 0 : pot.Amount / 2;
                Split(p, eligible, variant.HighRanking, pot.Amount - lowShare);
                if (lowHalf is HandRanking lowRanking)
                {
                    Split(p, eligible, lowRanking, lowShare);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            stacks[i] += awarded[i];
        }

        phase = HandPhase.Over;
        Emit(HandEventKind.HandEnded, NoSeat, 0);
    }

    /// <summary>PokerKit's hand killing: the seats still in whose hands can win some part of some pot.</summary>
    private int Contenders()
    {
        var contenders = 0;
        for (var i = 0; i < n; i++)
        {
            if (active[i] && CanWinNow(i))
            {
                contenders |= 1 << i;
            }
        }

        return contenders;
    }

    private void TakeRake()
    {
        var rule = config.Rake;
        if (rule.IsNone || (rule.NoFlopNoDrop && !reachedSecondStreet))
        {
            return;
        }

        long total = 0;
        foreach (var pot in finalPots)
        {
            total += pot.Amount;
        }

        var rake = total * rule.BasisPoints / 10000;
        if (rule.Cap > 0)
        {
            rake = Math.Min(rake, rule.Cap);
        }

        if (rake <= 0)
        {
            return;
        }

        rakeTaken = rake;
        var remaining = rake;
        for (var p = 0; p < finalPots.Length && remaining > 0; p++)
        {
            var take = Math.Min(remaining, finalPots[p].Amount);
            finalPots[p] = finalPots[p] with { Amount = finalPots[p].Amount - take };
            remaining -= take;
        }

        Emit(HandEventKind.RakeTaken, NoSeat, rake);
    }

    /// <summary>
    /// Splits among the best hands of the pot's seats; the odd chips go to the winner with the lowest seat index.
    /// Without any qualifying low among them (value 0) every seat of the pot shares a low half, as in PokerKit.
    /// </summary>
    private void Split(int potIndex, int[] eligible, HandRanking ranking, long amount)
    {
        if (amount <= 0)
        {
            return;
        }

        var best = int.MinValue;
        var count = 0;
        foreach (var seat in eligible)
        {
            var value = Value(seat, ranking);
            if (value > best)
            {
                best = value;
                count = 1;
            }
            else if (value == best)
            {
                count++;
            }
        }

        var share = amount / count;
        var remainder = amount % count;
        var first = true;
        foreach (var seat in eligible)
        {
            if (Value(seat, ranking) != best)
            {
                continue;
            }

            Award(potIndex, seat, share + (first ? remainder : 0));
            first = false;
        }
    }

    private void Award(int potIndex, int seat, long amount)
    {
        awarded[seat] += amount;
        Emit(HandEventKind.PotAwarded, seat, amount, index: potIndex);
    }

    private int[]? valueCache;
    private int[]? valueKeys;

    /// <summary>Hand value (higher wins), cached per seat and ranking until any card changes.</summary>
    private int Value(int seat, HandRanking ranking)
    {
        valueCache ??= new int[n * 2];
        valueKeys ??= new int[n * 2];
        var slot = (seat * 2) + (ranking == variant.HighRanking ? 0 : 1);
        var key = cardsVersion + 1;
        if (valueKeys[slot] == key)
        {
            return valueCache[slot];
        }

        var value = ComputeValue(seat, ranking);
        valueKeys[slot] = key;
        valueCache[slot] = value;
        return value;
    }

    /// <summary>Hand value (higher wins) of a seat's hole cards with the board; 0 = no qualifying low.</summary>
    private int ComputeValue(int seat, HandRanking ranking)
    {
        var count = holeCount[seat];
        if (ranking == HandRanking.StandardHigh && !variant.Omaha && count == 2 && boardCount == 5)
        {
            var h0 = hole[seat * maxHole];
            var h1 = hole[(seat * maxHole) + 1];
            if (h0.IsKnown && h1.IsKnown && board[0].IsKnown && board[1].IsKnown && board[2].IsKnown && board[3].IsKnown && board[4].IsKnown)
            {
                // Same value as Evaluate(StandardHigh, mask) for seven distinct known cards, without the generic path.
                return HandEvaluator.EvaluateHigh7(h0.Index, h1.Index, board[0].Index, board[1].Index, board[2].Index, board[3].Index, board[4].Index);
            }
        }
        else if (ranking == HandRanking.StandardHigh && !variant.Omaha && count + boardCount == 7)
        {
            Span<int> cards = stackalloc int[7];
            var known = true;
            var at = seat * maxHole;
            for (var k = 0; k < count; k++)
            {
                cards[k] = hole[at + k].Index;
                known &= hole[at + k].IsKnown;
            }

            for (var k = 0; k < boardCount; k++)
            {
                cards[count + k] = board[k].Index;
                known &= board[k].IsKnown;
            }

            if (known)
            {
                // Same value as Evaluate(StandardHigh, mask) for seven distinct known cards, without the generic path.
                return HandEvaluator.EvaluateHigh7(cards[0], cards[1], cards[2], cards[3], cards[4], cards[5], cards[6]);
            }
        }

        var holeMask = KnownHoleMask(seat);
        ulong boardMask = 0;
        for (var k = 0; k < boardCount; k++)
        {
            boardMask |= board[k].Mask;
        }

        return variant.Omaha
            ? HandEvaluator.EvaluateOmaha(ranking, holeMask, boardMask)
            : HandEvaluator.Evaluate(ranking, holeMask | boardMask);
    }

    /// <summary>
    /// PokerKit's <c>can_win_now</c>: whether the seat's hand ties or beats every hand already shown in some pot, for
    /// the high or (with a qualifying low) the low half. Like PokerKit it looks at every pot, the seat's or not.
    /// </summary>
    private bool CanWinNow(int seat)
    {
        if (showdownPots is null || showdownPotsActive != activeCount)
        {
            showdownMasks ??= new int[n];
            showdownPots = BuildPots(showdownMasks, ActiveMask());
            showdownPotsActive = activeCount;
        }

        for (var p = 0; p < showdownPots.Length; p++)
        {
            var eligible = showdownMasks![p];
            if (BeatsShown(seat, eligible, variant.HighRanking))
            {
                return true;
            }

            if (variant.LowRanking is HandRanking low && Value(seat, low) > 0 && BeatsShown(seat, eligible, low))
            {
                return true;
            }
        }

        return false;
    }

    private Pot[]? showdownPots;
    private int[]? showdownMasks;
    private int showdownPotsActive;

    private bool BeatsShown(int seat, int eligible, HandRanking ranking)
    {
        var mine = Value(seat, ranking);
        for (var others = eligible & ~(1 << seat); others != 0; others &= others - 1)
        {
            var other = System.Numerics.BitOperations.TrailingZeroCount(others);
            if (active[other] && ShowdownPosition(other) < 0 && AllUp(other) && Value(other, ranking) > mine)
            {
                return false;
            }
        }

        return true;
    }
}
