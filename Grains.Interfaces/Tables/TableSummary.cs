namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>A table as the lobby lists it.</summary>
[GenerateSerializer, Immutable, Alias("poker.table-summary.v1")]
public sealed record TableSummary
{
    [Id(0)] public required string TableId { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public required string Variant { get; init; }

    [Id(3)] public required string TemplateId { get; init; }

    [Id(4)] public int TemplateVersion { get; init; }

    [Id(5)] public TableStatus Status { get; init; }

    [Id(6)] public Templates.TableType Type { get; init; }

    [Id(7)] public long SmallBlind { get; init; }

    [Id(8)] public long BigBlind { get; init; }

    [Id(9)] public int SeatsTaken { get; init; }

    [Id(10)] public int MaxPlayers { get; init; }

    [Id(11)] public int WaitlistLength { get; init; }

    [Id(12)] public bool IsPrivate { get; init; }

    [Id(13)] public DateTimeOffset? ExpiresAt { get; init; }

    [Id(14)] public long MinBuyIn { get; init; }

    [Id(15)] public long MaxBuyIn { get; init; }

    [Id(16)] public long HandNo { get; init; }

    [Id(17)] public long Ante { get; init; }

    /// <summary>Stud: the forced bet of the lowest (razz: highest) up card; 0 in blinds games.</summary>
    [Id(18)] public long BringIn { get; init; }

    /// <summary>Fixed-limit games: the bet of the early streets (0 otherwise).</summary>
    [Id(19)] public long SmallBet { get; init; }

    /// <summary>Fixed-limit games: the bet of the late streets (0 otherwise).</summary>
    [Id(20)] public long BigBet { get; init; }

    /// <summary>People's turns the clock played since the table was created (robots not counted): the analytics snapshots' timeouts.</summary>
    [Id(21)] public long Timeouts { get; init; }

    /// <summary>Who created the table (0: the room itself).</summary>
    [Id(22)] public long CreatedBy { get; init; }

    /// <summary>Free seats held for a waitlisted player (0 or 1): not free to anyone else.</summary>
    [Id(23)] public int SeatsHeld { get; init; }
}
