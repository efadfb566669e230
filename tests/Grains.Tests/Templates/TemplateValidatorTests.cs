using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Templates;

namespace Orleans.Poker.Grains.Tests.Templates;

public sealed class TemplateValidatorTests
{
    private static readonly TemplateConfig Holdem = new()
    {
        Name = "Hold'em", Variant = "NT", SmallBlind = 1, BigBlind = 2, MinBuyIn = 40, MaxBuyIn = 200,
    };

    private static readonly TemplateConfig Stud = new()
    {
        Name = "Stud", Variant = "F7S", Ante = 1, BringIn = 1, SmallBet = 2, BigBet = 4, MinBuyIn = 40, MaxBuyIn = 200,
    };

    public static TheoryData<string, TemplateConfig, string> Invalid => new()
    {
        { "unknown variant", Holdem with { Variant = "XX" }, "Variant 'XX' is not supported" },
        { "no blinds", Holdem with { SmallBlind = 0 }, "needs positive blinds" },
        { "big below small", Holdem with { SmallBlind = 5, BigBlind = 2 }, "must be at least the small blind" },
        { "fixed limit without bets", Holdem with { Variant = "FT" }, "Fixed-limit FT needs SmallBet > 0" },
        { "buy-in at the big blind", Holdem with { MinBuyIn = 2 }, "must be above the big blind" },
        { "max below min buy-in", Holdem with { MaxBuyIn = 39 }, "Maximum buy-in (39) must be at least the minimum" },
        { "one player", Holdem with { MinPlayers = 1 }, "At least 2 players" },
        { "min above max players", Holdem with { MinPlayers = 7, MaxPlayers = 6 }, "must be at least MinPlayers" },
        { "ten at hold'em", Holdem with { MaxPlayers = 10 }, "NT seats at most 9 players" },
        { "nine at stud", Stud with { MaxPlayers = 9 }, "F7S seats at most 8 players" },
        { "seven at badugi", Holdem with { Variant = "FB", SmallBet = 2, BigBet = 4, MaxPlayers = 7 }, "FB seats at most 6 players" },
        { "stud without bring-in", Stud with { BringIn = 0 }, "needs a positive bring-in" },
        { "stud small bet at bring-in", Stud with { SmallBet = 1 }, "must be above the bring-in" },
        { "stud with blinds", Stud with { SmallBlind = 1, BigBlind = 2 }, "not blinds" },
        { "stud buy-in at small bet", Stud with { MinBuyIn = 2 }, "must be above the small bet" },
        { "negative ante", Holdem with { Ante = -1 }, "Ante must not be negative" },
        { "expiring without ttl", Holdem with { Type = TableType.Expiring }, "time-to-live between 5 minutes and 7 days" },
        { "ttl too short", Holdem with { Type = TableType.Expiring, TimeToLive = TimeSpan.FromMinutes(4), ExpiryWarning = TimeSpan.FromMinutes(1) }, "time-to-live between" },
        { "ttl too long", Holdem with { Type = TableType.Expiring, TimeToLive = TimeSpan.FromDays(8), ExpiryWarning = TimeSpan.FromMinutes(1) }, "time-to-live between" },
        { "warning after ttl", Holdem with { Type = TableType.Expiring, TimeToLive = TimeSpan.FromMinutes(10), ExpiryWarning = TimeSpan.FromMinutes(10) }, "warning shorter than its time-to-live" },
        { "rake above 10 %", Holdem with { RakePercent = 10.5m }, "Rake must be between 0 and 10" },
        { "negative rake cap", Holdem with { RakeCap = -1 }, "Rake cap must not be negative" },
        { "turn time too short", Holdem with { TurnTime = TimeSpan.FromSeconds(4) }, "Turn time must be between" },
        { "turn time too long", Holdem with { TurnTime = TimeSpan.FromMinutes(6) }, "Turn time must be between" },
        { "pause too long", Holdem with { PauseBetweenHands = TimeSpan.FromSeconds(61) }, "Pause between hands" },
        { "sit-and-go without levels", Holdem with { Type = TableType.SitAndGo, StartingStack = 1_000 }, "needs blind levels" },
        { "sit-and-go with null levels", Holdem with { Type = TableType.SitAndGo, StartingStack = 1_000, BlindLevels = null! }, "needs blind levels" },
        { "sit-and-go with a null level", Holdem with { Type = TableType.SitAndGo, StartingStack = 1_000, BlindLevels = [null!, new(10, 20, 0, TimeSpan.FromMinutes(3))] }, "Blind level 1 is missing" },
        { "sit-and-go level of a year", Holdem with { Type = TableType.SitAndGo, StartingStack = 1_000, BlindLevels = [new(10, 20, 0, TimeSpan.FromDays(365))] }, "at most 24 hours" },
        { "a free sit-and-go (no prize to play for; nobody could buy in)", Holdem with { Type = TableType.SitAndGo, StartingStack = 1_000, MinBuyIn = 0, BlindLevels = [new(10, 20, 0, TimeSpan.FromMinutes(3))] }, "entry fee (MinBuyIn) must be positive" },
        { "sit-and-go without stack", Holdem with { Type = TableType.SitAndGo, BlindLevels = [new(10, 20, 0, TimeSpan.FromMinutes(3))] }, "positive starting stack" },
        { "robots fill every seat", Holdem with { Robots = 6, MaxPlayers = 6 }, "Robots must leave at least one seat" },
        { "no name", Holdem with { Name = " " }, "Name must have" },
        { "a name padded past its length", Holdem with { Name = new string(' ', 5_000) + "abc" }, "Name must have 1 to 64" },
        { "a NUL in the name", Holdem with { Name = "a\0b" }, "no control characters" },
        { "a line break in the name", Holdem with { Name = "a\nb" }, "no control characters" },
        { "a line separator in the name", Holdem with { Name = "a\u2028b" }, "no control characters" },
        { "a direction override in the name", Holdem with { Name = "\u202eevil" }, "no control characters" },
        { "a name with nothing visible", Holdem with { Name = "\u200b\ufeff" }, "Name must be visible text" },
        { "a starting stack that would overflow a table's sums", Holdem with { Type = TableType.SitAndGo, StartingStack = 5_000_000_000_000_000_000, BlindLevels = [new(1, 2, 0, TimeSpan.FromMinutes(3))] }, "StartingStack (5000000000000000000) must be at most 1000000000000" },
        { "sit-and-go stacks summing above the cap", Holdem with { Type = TableType.SitAndGo, MaxPlayers = 6, StartingStack = 1_000_000_000_000, BlindLevels = [new(1, 2, 0, TimeSpan.FromMinutes(3))] }, "The starting stacks together (6 × 1000000000000)" },
        { "a raked sit-and-go (the rake would be chips from nowhere)", Holdem with { Type = TableType.SitAndGo, StartingStack = 1_000, RakePercent = 10, BlindLevels = [new(10, 20, 0, TimeSpan.FromMinutes(3))] }, "takes no rake" },
        { "a sit-and-go with robots (they pay no fee; it never started)", Holdem with { Type = TableType.SitAndGo, StartingStack = 1_000, Robots = 1, BlindLevels = [new(10, 20, 0, TimeSpan.FromMinutes(3))] }, "has no robots" },
        { "a sit-and-go level below the one before", Holdem with { Type = TableType.SitAndGo, StartingStack = 1_000, BlindLevels = [new(10, 20, 0, TimeSpan.FromMinutes(3)), new(5, 10, 0, TimeSpan.FromMinutes(3))] }, "Blind level 2 must not be below level 1" },
        { "a limit sit-and-go whose bets would grow past the cap", Holdem with { Type = TableType.SitAndGo, Variant = "FT", SmallBet = 2, BigBet = 4, StartingStack = 1_000, BlindLevels = [new(1, 2, 0, TimeSpan.FromMinutes(3)), new(1, 1_000_000_000_000, 0, TimeSpan.FromMinutes(3))] }, "The last level's bets" },
        { "a huge level", Holdem with { Type = TableType.SitAndGo, StartingStack = 1_000, BlindLevels = [new(10, 20, 0, TimeSpan.FromMinutes(3)), new(10, long.MaxValue, 0, TimeSpan.FromMinutes(3))] }, "Blind level 2 big blind" },
        { "a huge buy-in", Holdem with { MaxBuyIn = 2_000_000_000_000 }, "MaxBuyIn (2000000000000) must be at most" },
        { "an undefined table type", Holdem with { Type = (TableType)9 }, "Type 9 is not a table type" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_template_is_rejected_with_a_clear_message(string because, TemplateConfig config, string expected)
    {
        var errors = TemplateValidator.Validate(config);

        Assert.True(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)), $"{because}: got [{string.Join(" | ", errors)}]");
    }

    [Fact]
    public void Valid_templates_of_each_kind_pass()
    {
        TemplateConfig[] valid =
        [
            Holdem,
            Stud,
            Holdem with { Variant = "FT", SmallBet = 2, BigBet = 4 },
            Holdem with { Type = TableType.Expiring, TimeToLive = TimeSpan.FromHours(2), ExpiryWarning = TimeSpan.FromMinutes(5) },
            Holdem with { Type = TableType.SitAndGo, StartingStack = 1_500, MinBuyIn = 100, BlindLevels = [new(10, 20, 0, TimeSpan.FromMinutes(3))] },
            Holdem with { RakePercent = 10, RakeCap = 0, TurnTime = TimeSpan.FromSeconds(5), PauseBetweenHands = TimeSpan.Zero },
        ];

        Assert.All(valid, config => Assert.Empty(TemplateValidator.Validate(config)));
    }
}
