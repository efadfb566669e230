using System.Globalization;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>
/// Seat hygiene at a cash table: a player sitting out longer than the template allows
/// (<see cref="TemplateConfig.SitOutLimit"/>, the shorter <see cref="TemplateConfig.SitOutLimitWhenWaited"/> while someone
/// is on the waitlist, or <see cref="TemplateConfig.SitOutHandsLimit"/> hands dealt without them) is stood up and cashed
/// out. Robots and sit-and-go seats are never stood up, nor a player still in the hand being played (they are stood up
/// when it ends).
/// </summary>
public static class SeatHygiene
{
    /// <summary>Sits a seat out from now: the limit counts from this moment and from the next hand dealt.</summary>
    public static void SitOut(SeatState seat, DateTimeOffset now)
    {
        seat.SittingOut = true;
        seat.SatOutAt = now;
        seat.HandsMissed = 0;
    }

    /// <summary>Brings a seat back: nothing counts any more.</summary>
    public static void SitIn(SeatState seat)
    {
        seat.SittingOut = false;
        seat.SatOutAt = null;
        seat.HandsMissed = 0;
    }

    /// <summary>A hand was dealt: every counted seat (all sit out of it) missed one more.</summary>
    public static void HandDealt(TableState state)
    {
        for (var i = 0; i < state.Seats.Length; i++)
        {
            if (Counted(state, null, i))
            {
                state.Seats[i]!.HandsMissed++;
            }
        }
    }

    /// <summary>
    /// A table loaded with seats that sat out before their time was kept (stored by an earlier version): their limit
    /// counts from now.
    /// </summary>
    public static void Stamp(TableState state, DateTimeOffset now)
    {
        foreach (var seat in state.Seats.OfType<SeatState>().Where(s => s.SittingOut && s.SatOutAt is null))
        {
            seat.SatOutAt = now;
        }
    }

    /// <summary>The limit in time that applies now: the shorter one while someone waits for a seat.</summary>
    public static TimeSpan? Limit(TableState state)
    {
        var config = state.Config!;
        return state.WaitlistLength > 0 && config.SitOutLimitWhenWaited is { } waited && (config.SitOutLimit is not { } limit || waited < limit)
            ? waited
            : config.SitOutLimit;
    }

    /// <summary>When the first counted seat reaches its limit (now, for one past its hands); null when none will.</summary>
    public static DateTimeOffset? NextDue(TableState state, Hand? hand)
    {
        DateTimeOffset? next = null;
        for (var i = 0; i < state.Seats.Length; i++)
        {
            if (Counted(state, hand, i) && DueAt(state, state.Seats[i]!) is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }

    /// <summary>The seats to stand up now, in seat order.</summary>
    public static IReadOnlyList<int> Due(TableState state, Hand? hand, DateTimeOffset now) =>
        [.. Enumerable.Range(0, state.Seats.Length).Where(i => Counted(state, hand, i) && DueAt(state, state.Seats[i]!) <= now)];

    /// <summary>Why a seat is stood up, for the table's event.</summary>
    public static string Reason(TableState state, SeatState seat) =>
        state.Config!.SitOutHandsLimit is { } hands && seat.HandsMissed >= hands
            ? $"sat out {seat.HandsMissed} hands"
            : $"sat out longer than {Minutes(Limit(state)!.Value)}";

    private static DateTimeOffset? DueAt(TableState state, SeatState seat)
    {
        if (state.Config!.SitOutHandsLimit is { } hands && seat.HandsMissed >= hands)
        {
            return seat.SatOutAt ?? DateTimeOffset.MinValue;
        }

        return Limit(state) is { } limit && seat.SatOutAt is { } since ? since + limit : null;
    }

    private static bool Counted(TableState state, Hand? hand, int index) =>
        state.Seats[index] is { SittingOut: true, IsRobot: false, LeaveAfterHand: false } && !SitAndGo.Is(state.Config!)
        && (hand is null || hand.IsOver || Seating.HandSeatOf(state, hand, index) is null);

    private static string Minutes(TimeSpan limit) =>
        limit.TotalMinutes == 1 ? "1 minute" : string.Create(CultureInfo.InvariantCulture, $"{limit.TotalMinutes:0.#} minutes");
}
