using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>Sit-and-go rules: blind levels on a clock, finishing places, the fee refund before the start and the prize.</summary>
public static class SitAndGo
{
    public static bool Is(TemplateConfig config) => config.Type == TableType.SitAndGo;

    /// <summary>The forced bets and limits of the next hand.</summary>
    public readonly record struct Stakes(long SmallBlind, long BigBlind, long Ante, long BringIn, long SmallBet, long BigBet);

    /// <summary>
    /// The stakes of the next hand: the template's, or in a sit-and-go the current level's blinds and ante, with the
    /// fixed-limit bets and the bring-in grown as the level grew from the first (by its big blind, or a stud game's ante;
    /// the levels never fall). Past the last level everything keeps doubling, a level each hand at most and never past
    /// <see cref="TemplateValidator.MaxChips"/> (more than every chip in play): a tournament whose players all stopped
    /// playing (the clock folds round to the big blind, which gives nothing away) still ends.
    /// </summary>
    public static Stakes StakesOf(TableState state)
    {
        var config = state.Config!;
        if (!Is(config) || config.BlindLevels.Count == 0)
        {
            return new(config.SmallBlind, config.BigBlind, config.Ante, config.BringIn, config.SmallBet, config.BigBet);
        }

        var last = config.BlindLevels.Count - 1;
        var level = config.BlindLevels[Math.Min(state.Level, last)];
        var first = config.BlindLevels[0];
        var (now, then) = (level.Size, first.Size);
        Int128 Grown(long chips) => then > 0 ? (Int128)chips * now / then : chips;
        Int128[] stakes = [level.SmallBlind, level.BigBlind, level.Ante, Grown(config.BringIn), Grown(config.SmallBet), Grown(config.BigBet)];
        var biggest = Int128.Max(stakes.Max(), 1);
        var doublings = 0;
        while (doublings < state.Level - last && biggest << (doublings + 1) <= TemplateValidator.MaxChips)
        {
            doublings++;
        }

        long At(int i) => (long)Int128.Min(stakes[i] << doublings, TemplateValidator.MaxChips);
        return new(At(0), At(1), At(2), At(3), At(4), At(5));
    }

    /// <summary>Before a hand: starts the tournament clock on its first hand, else moves up every level that has ended.</summary>
    public static void BeforeHand(TableState state, DateTimeOffset now)
    {
        var config = state.Config!;
        if (!Is(config))
        {
            return;
        }

        while (state.LevelEndsAt is { } ends && ends <= now && config.BlindLevels.Count > 0)
        {
            state.Level++;
            var duration = LevelDuration(config, state.Level);

            // Past the last level a hand moves up one level at most: after an outage the stakes go on from where they
            // were instead of doubling once for every level the room was down.
            state.LevelEndsAt = state.Level >= config.BlindLevels.Count ? now + duration : ends + duration;
        }

        if (!state.SitAndGoStarted)
        {
            state.SitAndGoStarted = true;
            state.LevelEndsAt = now + LevelDuration(config, 0);
        }
    }

    /// <summary>
    /// The table went on hold or came off it (paused, the room's maintenance; <paramref name="wasOnHold"/> before the
    /// change): a sit-and-go's level clock stops while no hand can start, so the blinds do not jump after the hold.
    /// </summary>
    public static void HoldChanged(TableState state, bool wasOnHold, DateTimeOffset now)
    {
        var onHold = HandCycle.OnHold(state);
        if (!Is(state.Config!) || onHold == wasOnHold)
        {
            return;
        }

        if (onHold)
        {
            state.HeldSince = now;
            return;
        }

        if (state.HeldSince is { } since && state.LevelEndsAt is { } ends && now > since)
        {
            state.LevelEndsAt = ends + (now - since);
        }

        state.HeldSince = null;
    }

    /// <summary>What a leaving player gets back: the fee before the start, nothing after it (the stack stays in play).</summary>
    public static long Refund(TableState state) => state.SitAndGoStarted ? 0 : state.Config!.MinBuyIn;

    /// <summary>
    /// Whether <paramref name="seat"/> stays when its player leaves (or is removed): once a sit-and-go started, a player
    /// still in it keeps their stack in play, sitting out (blinds and antes are still posted), until they bust or win.
    /// Emptying the seat would take their chips out of the tournament, and the last player left would wait for a hand
    /// that never comes.
    /// </summary>
    public static bool KeepsSeat(TableState state, SeatState seat) =>
        Is(state.Config!) && state.SitAndGoStarted && seat.FinishedPlace == 0;

    /// <summary>
    /// A sit-and-go closed before it had a winner (an admin closed it): the prize pool is shared by the players still
    /// in, in proportion to their stacks (the rounding's remainder to the biggest stack), so no fee is lost.
    /// </summary>
    public static void Chop(TableState state, string tableId)
    {
        var alive = state.Seats.OfType<SeatState>().Where(s => s.FinishedPlace == 0).ToList();
        if (!Is(state.Config!) || !state.SitAndGoStarted || state.PrizePool <= 0 || alive.Count == 0)
        {
            return;
        }

        var pool = state.PrizePool;
        var chips = alive.Sum(s => s.Stack);
        var shares = alive.Select(s => chips > 0 ? (long)((Int128)pool * s.Stack / chips) : pool / alive.Count).ToArray();
        shares[alive.IndexOf(alive.MaxBy(s => s.Stack)!)] += pool - shares.Sum();
        for (var i = 0; i < alive.Count; i++)
        {
            if (shares[i] > 0)
            {
                state.PendingTransfers.Add(ChipMoves.Prize(tableId, alive[i].PlayerId, shares[i]));
            }
        }

        state.PrizePool = 0;
    }

    /// <summary>A player out of chips finishes in the place after everyone still playing.</summary>
    public static void Place(TableState state, SeatState seat) =>
        seat.FinishedPlace = state.Seats.Count(s => s is { FinishedPlace: 0 });

    /// <summary>Over when one player (or none) is left.</summary>
    public static bool IsOver(TableState state) =>
        state.SitAndGoStarted && state.Seats.Count(s => s is { FinishedPlace: 0 }) <= 1;

    /// <summary>The last player left wins the prize pool; every stack is spent. Returns the winner (null if nobody is left).</summary>
    public static SeatState? Finish(TableState state, string tableId)
    {
        var winner = state.Seats.FirstOrDefault(s => s is { FinishedPlace: 0 });
        if (winner is not null)
        {
            winner.FinishedPlace = 1;
            state.PendingTransfers.Add(ChipMoves.Prize(tableId, winner.PlayerId, state.PrizePool));
        }

        state.PrizePool = 0;
        foreach (var seat in state.Seats.OfType<SeatState>())
        {
            seat.Stack = 0;
        }

        state.CloseReason = winner is null ? "finished" : $"won by {winner.Name}";
        return winner;
    }

    private static TimeSpan LevelDuration(TemplateConfig config, int level) =>
        config.BlindLevels.Count == 0 ? TimeSpan.MaxValue : config.BlindLevels[Math.Min(level, config.BlindLevels.Count - 1)].Duration;
}
