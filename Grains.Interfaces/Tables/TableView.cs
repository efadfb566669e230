namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>The table as every viewer may see it: never carries a card its viewer may not see.</summary>
[GenerateSerializer, Immutable, Alias("poker.table-view.v1")]
public sealed record TableView
{
    [Id(0)] public required string TableId { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public required string Variant { get; init; }

    [Id(3)] public TableStatus Status { get; init; }

    [Id(4)] public long HandNo { get; init; }

    [Id(5)] public int? ButtonSeat { get; init; }

    [Id(6)] public IReadOnlyList<SeatView> Seats { get; init; } = [];

    [Id(7)] public IReadOnlyList<string> Board { get; init; } = [];

    [Id(8)] public IReadOnlyList<PotView> Pots { get; init; } = [];

    /// <summary>Seat whose turn it is, if a hand is running and waits on a player.</summary>
    [Id(9)] public int? ActorSeat { get; init; }

    /// <summary>When the actor's turn clock runs out.</summary>
    [Id(10)] public DateTimeOffset? Deadline { get; init; }

    /// <summary>Street index within the hand (0 = first betting round).</summary>
    [Id(11)] public int Street { get; init; }

    [Id(12)] public long SmallBlind { get; init; }

    [Id(13)] public long BigBlind { get; init; }

    [Id(14)] public long Ante { get; init; }

    [Id(15)] public int MaxPlayers { get; init; }

    [Id(16)] public long MinBuyIn { get; init; }

    [Id(17)] public long MaxBuyIn { get; init; }

    /// <summary>Expiring tables: when the table closes.</summary>
    [Id(18)] public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the next hand starts, between hands.</summary>
    [Id(19)] public DateTimeOffset? NextHandAt { get; init; }

    [Id(20)] public int WaitlistLength { get; init; }

    [Id(21)] public string? TemplateId { get; init; }

    [Id(22)] public Templates.TableType Type { get; init; }

    /// <summary>The last finished hand's result (kept until the next hand starts).</summary>
    [Id(23)] public HandResult? LastResult { get; init; }

    /// <summary>
    /// The turn being played: the event sequence number that opened it, 0 when nobody is to act. An action names it
    /// (with <see cref="HandNo"/>) in a <see cref="TurnRef"/>; a new turn, even of the same player, has a new id.
    /// </summary>
    [Id(24)] public long TurnId { get; init; }

    /// <summary>The player to act is on their time bank: <see cref="Deadline"/> is the bank's end.</summary>
    [Id(25)] public bool OnTimeBank { get; init; }

    /// <summary>The player hosting the table (its creator), who may pause it, kick, change its settings or close it; null at the room's own tables and sit-and-gos.</summary>
    [Id(26)] public long? HostId { get; init; }

    /// <summary>Settings the host changed, applied when the next hand starts (null: none pending).</summary>
    [Id(27)] public TableSettings? NextSettings { get; init; }

    /// <summary>The room is under maintenance: no new hand starts here until it ends (the hand in play finishes).</summary>
    [Id(28)] public bool Maintenance { get; init; }
}
