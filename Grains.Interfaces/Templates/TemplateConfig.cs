namespace Orleans.Poker.Grains.Interfaces.Templates;

/// <summary>
/// Everything a table is created from. Amounts are chips. Fixed-limit variants bet <see cref="SmallBet"/> and
/// <see cref="BigBet"/>; stud uses <see cref="BringIn"/> and <see cref="Ante"/>; blinds games use the blinds.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.template-config.v1")]
public sealed record TemplateConfig
{
    [Id(0)] public required string Name { get; init; }

    /// <summary>PHH variant code: NT FT NS PO FO/8 F7S F7S/8 FR N2L1D F2L3D FB.</summary>
    [Id(1)] public required string Variant { get; init; }

    [Id(2)] public long SmallBlind { get; init; }

    [Id(3)] public long BigBlind { get; init; }

    [Id(4)] public long Ante { get; init; }

    [Id(5)] public long BringIn { get; init; }

    [Id(6)] public long SmallBet { get; init; }

    [Id(7)] public long BigBet { get; init; }

    [Id(8)] public long MinBuyIn { get; init; }

    [Id(9)] public long MaxBuyIn { get; init; }

    /// <summary>Sit-and-go: the chips every entrant starts with (the entry fee is <see cref="MinBuyIn"/>).</summary>
    [Id(10)] public long StartingStack { get; init; }

    [Id(11)] public int MinPlayers { get; init; } = 2;

    [Id(12)] public int MaxPlayers { get; init; } = 6;

    [Id(13)] public TableType Type { get; init; } = TableType.Persistent;

    /// <summary>Expiring tables: how long the table lives.</summary>
    [Id(14)] public TimeSpan? TimeToLive { get; init; }

    /// <summary>Expiring tables: how long before closure players are warned.</summary>
    [Id(15)] public TimeSpan? ExpiryWarning { get; init; }

    [Id(16)] public bool WaitlistEnabled { get; init; } = true;

    /// <summary>How long a freed seat is held for the waitlist player it is offered to.</summary>
    [Id(17)] public TimeSpan SeatHoldTime { get; init; } = TimeSpan.FromSeconds(60);

    [Id(18)] public TimeSpan TurnTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeouts in a row (check when free, else fold) after which a player is sat out.</summary>
    [Id(19)] public int TimeoutsBeforeSitOut { get; init; } = 2;

    [Id(20)] public TimeSpan PauseBetweenHands { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Rake in percent of each pot (0 for none).</summary>
    [Id(21)] public decimal RakePercent { get; init; }

    [Id(22)] public long RakeCap { get; init; }

    [Id(23)] public bool NoFlopNoDrop { get; init; } = true;

    /// <summary>Private tables are joined with an invite code and are not listed in the lobby.</summary>
    [Id(24)] public bool IsPrivate { get; init; }

    /// <summary>Sit-and-go blind levels, in order; the last one stays.</summary>
    [Id(25)] public IReadOnlyList<BlindLevel> BlindLevels { get; init; } = [];

    /// <summary>Practice tables fill empty seats with robot players.</summary>
    [Id(26)] public int Robots { get; init; }

    /// <summary>A player sitting out this long is stood up and cashed out (cash tables; null: never).</summary>
    [Id(27)] public TimeSpan? SitOutLimit { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The same, while someone waits for a seat (the shorter of the two applies).</summary>
    [Id(28)] public TimeSpan? SitOutLimitWhenWaited { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A player who sat out this many hands dealt without them is stood up too (null: no limit in hands).</summary>
    [Id(29)] public int? SitOutHandsLimit { get; init; }

    /// <summary>A table a player created closes after this long with no hand dealt and no seat taken (null: never).</summary>
    [Id(30)] public TimeSpan? IdleCloseAfter { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Each seat's time bank: extra time spent automatically when the turn clock runs out (zero: none).</summary>
    [Id(31)] public TimeSpan TimeBank { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many hands dealt to a seat its time bank is full again.</summary>
    [Id(32)] public int TimeBankRefillHands { get; init; } = 10;

    /// <summary>
    /// Public persistent templates: the room keeps at least this many of its own tables with a free seat, opening one when
    /// all are full and closing empty ones beyond it (0: the room does not; <see cref="MaxRoomTables"/> caps it).
    /// </summary>
    [Id(36)] public int MinTablesWithFreeSeat { get; init; }

    /// <summary>The most tables of this template the room opens itself.</summary>
    [Id(37)] public int MaxRoomTables { get; init; } = 10;
}
