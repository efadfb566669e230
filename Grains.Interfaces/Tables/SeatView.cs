namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// One seat as everybody may see it. <see cref="Cards"/> holds the seat's cards in the current hand with every
/// card the public may not see written as <c>??</c> (face-up stud cards and showdown cards are shown).
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.seat-view.v1")]
public sealed record SeatView
{
    [Id(0)] public int Seat { get; init; }

    [Id(1)] public long? PlayerId { get; init; }

    [Id(2)] public string? Name { get; init; }

    [Id(3)] public long Stack { get; init; }

    /// <summary>Chips bet on the current street.</summary>
    [Id(4)] public long Bet { get; init; }

    [Id(5)] public bool InHand { get; init; }

    [Id(6)] public bool Folded { get; init; }

    [Id(7)] public bool AllIn { get; init; }

    [Id(8)] public bool SittingOut { get; init; }

    [Id(9)] public bool IsRobot { get; init; }

    [Id(10)] public IReadOnlyList<string> Cards { get; init; } = [];

    /// <summary>
    /// What the seat did last this street, for display: a word the clients put in their language, then the chips
    /// (<c>Fold</c>, <c>Check</c>, <c>Call 20</c>, <c>Bet 60</c>, <c>Raise 60</c> (to), <c>Discard 2</c>, <c>StandPat</c>); null before it acted.
    /// </summary>
    [Id(11)] public string? LastAction { get; init; }

    /// <summary>Seat held for this waitlisted player until <see cref="HeldUntil"/>.</summary>
    [Id(12)] public long? HeldFor { get; init; }

    [Id(13)] public DateTimeOffset? HeldUntil { get; init; }

    /// <summary>Whole seconds left in the seat's time bank (while it runs, as it was when the bank started).</summary>
    [Id(14)] public int TimeBankSeconds { get; init; }
}
