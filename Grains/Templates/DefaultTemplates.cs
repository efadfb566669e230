using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Templates;

/// <summary>The templates a fresh installation starts with (seeded by <see cref="TemplateSeeder"/>).</summary>
public static class DefaultTemplates
{
    /// <summary>Quick sit-and-go levels: three minutes each.</summary>
    private static readonly IReadOnlyList<BlindLevel> QuickLevels =
    [
        new(10, 20, 0, TimeSpan.FromMinutes(3)),
        new(15, 30, 0, TimeSpan.FromMinutes(3)),
        new(25, 50, 0, TimeSpan.FromMinutes(3)),
        new(50, 100, 0, TimeSpan.FromMinutes(3)),
        new(75, 150, 10, TimeSpan.FromMinutes(3)),
        new(100, 200, 20, TimeSpan.FromMinutes(3)),
        new(150, 300, 30, TimeSpan.FromMinutes(3)),
        new(200, 400, 40, TimeSpan.FromMinutes(3)),
    ];

    /// <summary>
    /// Template id and configuration, in lobby order. The room keeps a table with a free seat open for each public
    /// persistent one (<see cref="TemplateConfig.MinTablesWithFreeSeat"/> 1).
    /// </summary>
    public static IReadOnlyList<(string Id, TemplateConfig Config)> All { get; } = KeepASeatOpen(
    [
        ("nlhe-cash", new TemplateConfig
        {
            Name = "No-Limit Hold'em 1/2", Variant = "NT", SmallBlind = 1, BigBlind = 2,
            MinBuyIn = 80, MaxBuyIn = 400, MinPlayers = 2, MaxPlayers = 9, RakePercent = 5, RakeCap = 10,
        }),
        ("sng-6max", new TemplateConfig
        {
            Name = "Sit & Go 6-max Turbo", Variant = "NT", Type = TableType.SitAndGo,
            MinBuyIn = 500, MaxBuyIn = 500, StartingStack = 1500, BlindLevels = QuickLevels,
            MinPlayers = 6, MaxPlayers = 6, WaitlistEnabled = false, TurnTime = TimeSpan.FromSeconds(20),
            PauseBetweenHands = TimeSpan.FromSeconds(2),
        }),
        ("practice", new TemplateConfig
        {
            Name = "Practice with robots", Variant = "NT", SmallBlind = 1, BigBlind = 2,
            MinBuyIn = 80, MaxBuyIn = 400, MinPlayers = 2, MaxPlayers = 6, Robots = 3,
        }),
        ("limit-holdem", new TemplateConfig
        {
            Name = "Limit Hold'em 2/4", Variant = "FT", SmallBlind = 1, BigBlind = 2, SmallBet = 2, BigBet = 4,
            MinBuyIn = 40, MaxBuyIn = 200, MinPlayers = 2, MaxPlayers = 9,
        }),
        ("short-deck", new TemplateConfig
        {
            Name = "Short Deck Hold'em 1/2", Variant = "NS", SmallBlind = 1, BigBlind = 2, Ante = 1,
            MinBuyIn = 80, MaxBuyIn = 400, MinPlayers = 2, MaxPlayers = 6,
        }),
        ("plo", new TemplateConfig
        {
            Name = "Pot-Limit Omaha 1/2", Variant = "PO", SmallBlind = 1, BigBlind = 2,
            MinBuyIn = 80, MaxBuyIn = 400, MinPlayers = 2, MaxPlayers = 6,
        }),
        ("omaha-hilo", new TemplateConfig
        {
            Name = "Limit Omaha Hi-Lo 2/4", Variant = "FO/8", SmallBlind = 1, BigBlind = 2, SmallBet = 2, BigBet = 4,
            MinBuyIn = 40, MaxBuyIn = 200, MinPlayers = 2, MaxPlayers = 9,
        }),
        ("stud", new TemplateConfig
        {
            Name = "Seven Card Stud 2/4", Variant = "F7S", Ante = 1, BringIn = 1, SmallBet = 2, BigBet = 4,
            MinBuyIn = 40, MaxBuyIn = 200, MinPlayers = 2, MaxPlayers = 8,
        }),
        ("stud-hilo", new TemplateConfig
        {
            Name = "Stud Hi-Lo 2/4", Variant = "F7S/8", Ante = 1, BringIn = 1, SmallBet = 2, BigBet = 4,
            MinBuyIn = 40, MaxBuyIn = 200, MinPlayers = 2, MaxPlayers = 8,
        }),
        ("razz", new TemplateConfig
        {
            Name = "Razz 2/4", Variant = "FR", Ante = 1, BringIn = 1, SmallBet = 2, BigBet = 4,
            MinBuyIn = 40, MaxBuyIn = 200, MinPlayers = 2, MaxPlayers = 8,
        }),
        ("deuce-single-draw", new TemplateConfig
        {
            Name = "No-Limit 2-7 Single Draw 1/2", Variant = "N2L1D", SmallBlind = 1, BigBlind = 2,
            MinBuyIn = 80, MaxBuyIn = 400, MinPlayers = 2, MaxPlayers = 6,
        }),
        ("deuce-triple-draw", new TemplateConfig
        {
            Name = "Limit 2-7 Triple Draw 2/4", Variant = "F2L3D", SmallBlind = 1, BigBlind = 2, SmallBet = 2, BigBet = 4,
            MinBuyIn = 40, MaxBuyIn = 200, MinPlayers = 2, MaxPlayers = 6,
        }),
        ("badugi", new TemplateConfig
        {
            Name = "Limit Badugi 2/4", Variant = "FB", SmallBlind = 1, BigBlind = 2, SmallBet = 2, BigBet = 4,
            MinBuyIn = 40, MaxBuyIn = 200, MinPlayers = 2, MaxPlayers = 6,
        }),
    ]);

    private static List<(string Id, TemplateConfig Config)> KeepASeatOpen(List<(string Id, TemplateConfig Config)> templates) =>
        [.. templates.Select(t => t.Config is { Type: TableType.Persistent, IsPrivate: false } ? (t.Id, t.Config with { MinTablesWithFreeSeat = 1 }) : t)];
}
