using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Grains.Interfaces.Templates;

/// <summary>Checks a <see cref="TemplateConfig"/> and says, in words, everything that is wrong with it.</summary>
public static class TemplateValidator
{
    public static readonly TimeSpan MinTimeToLive = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxTimeToLive = TimeSpan.FromDays(7);
    public static readonly TimeSpan MinTurnTime = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxTurnTime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MinSeatHold = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxSeatHold = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MinSitOutLimit = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxSitOutLimit = TimeSpan.FromHours(24);
    public static readonly TimeSpan MinIdleClose = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxIdleClose = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxTimeBank = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxBlindLevel = TimeSpan.FromHours(24);
    public const decimal MaxRakePercent = 10m;
    public const int MaxNameLength = 64;
    public const int MaxRoomTablesLimit = 100;

    /// <summary>
    /// The most chips any one amount may be (a blind, a buy-in, a starting stack; also what the REST routes take): a
    /// table's sums of ten such stacks stay far from <see cref="long.MaxValue"/>.
    /// </summary>
    public const long MaxChips = 1_000_000_000_000;

    /// <summary>Throws <c>invalid_template</c> (400) listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(TemplateConfig? config)
    {
        var errors = Validate(config);
        if (errors.Count > 0)
        {
            throw new PokerException("invalid_template", string.Join(" ", errors));
        }
    }

    /// <summary>Every problem with <paramref name="config"/>, one sentence each; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(TemplateConfig? config)
    {
        if (config is null)
        {
            return ["A template configuration is required."];
        }

        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        // A table's name in the lobby and the bot: one line of visible text, as players' names are.
        Check(!string.IsNullOrWhiteSpace(config.Name) && config.Name.Length <= MaxNameLength, $"Name must have 1 to {MaxNameLength} characters.");
        Check(config.Name is null || (!config.Name.Any(Text.IsLayoutControl) && (string.IsNullOrWhiteSpace(config.Name) || !Text.Invisible(config.Name))),
            "Name must be visible text with no control characters (line breaks, direction overrides).");
        if (!Enum.IsDefined(config.Type))
        {
            errors.Add($"Type {(int)config.Type} is not a table type; use one of {string.Join(", ", Enum.GetNames<TableType>())}.");
            return errors;
        }

        if (!TemplateVariants.All.Contains(config.Variant))
        {
            errors.Add($"Variant '{config.Variant}' is not supported; use one of {string.Join(", ", TemplateVariants.All)}.");
            return errors;
        }

        var variant = config.Variant;
        Check(config.Ante >= 0, "Ante must not be negative.");
        foreach (var (field, amount) in Amounts(config))
        {
            Check(amount <= MaxChips, $"{field} ({amount}) must be at most {MaxChips}.");
        }

        if (config.Type == TableType.SitAndGo)
        {
            CheckSitAndGo(config, Check);
        }
        else
        {
            CheckStakes(config, Check);
            var floor = TemplateVariants.UsesBlinds(variant) ? config.BigBlind : config.SmallBet;
            var floorName = TemplateVariants.UsesBlinds(variant) ? "the big blind" : "the small bet";
            Check(config.MinBuyIn > floor, $"Minimum buy-in ({config.MinBuyIn}) must be above {floorName} ({floor}).");
            Check(config.MaxBuyIn >= config.MinBuyIn, $"Maximum buy-in ({config.MaxBuyIn}) must be at least the minimum ({config.MinBuyIn}).");
        }

        var maxSeats = TemplateVariants.MaxPlayers(variant);
        Check(config.MinPlayers >= 2, $"At least 2 players are needed (MinPlayers is {config.MinPlayers}).");
        Check(config.MaxPlayers >= config.MinPlayers, $"MaxPlayers ({config.MaxPlayers}) must be at least MinPlayers ({config.MinPlayers}).");
        Check(config.MaxPlayers <= maxSeats, $"{variant} seats at most {maxSeats} players (MaxPlayers is {config.MaxPlayers}).");

        if (config.Type == TableType.Expiring)
        {
            Check(config.TimeToLive is { } ttl && ttl >= MinTimeToLive && ttl <= MaxTimeToLive,
                $"An expiring table needs a time-to-live between {MinTimeToLive.TotalMinutes} minutes and {MaxTimeToLive.TotalDays} days.");
            Check(config.ExpiryWarning is { } warning && warning > TimeSpan.Zero && (config.TimeToLive is not { } t || warning < t),
                "An expiring table needs a positive expiry warning shorter than its time-to-live.");
        }

        Check(config.RakePercent is >= 0 and <= MaxRakePercent, $"Rake must be between 0 and {MaxRakePercent} percent (is {config.RakePercent}).");
        Check(config.RakeCap >= 0, "Rake cap must not be negative.");
        Check(config.TurnTime >= MinTurnTime && config.TurnTime <= MaxTurnTime,
            $"Turn time must be between {MinTurnTime.TotalSeconds} seconds and {MaxTurnTime.TotalMinutes} minutes.");
        Check(config.PauseBetweenHands >= TimeSpan.Zero && config.PauseBetweenHands <= MaxPause,
            $"Pause between hands must be between 0 and {MaxPause.TotalSeconds} seconds.");
        Check(config.TimeoutsBeforeSitOut >= 1, "TimeoutsBeforeSitOut must be at least 1.");
        Check(config.SitOutLimit is not { } sitOut || (sitOut >= MinSitOutLimit && sitOut <= MaxSitOutLimit),
            $"SitOutLimit must be between {MinSitOutLimit.TotalMinutes} minute and {MaxSitOutLimit.TotalHours} hours (or none).");
        Check(config.SitOutLimitWhenWaited is not { } waited || (waited >= MinSitOutLimit && waited <= MaxSitOutLimit),
            $"SitOutLimitWhenWaited must be between {MinSitOutLimit.TotalMinutes} minute and {MaxSitOutLimit.TotalHours} hours (or none).");
        Check(config.SitOutHandsLimit is not { } hands || hands >= 1, "SitOutHandsLimit must be at least 1 (or none).");
        Check(config.TimeBank >= TimeSpan.Zero && config.TimeBank <= MaxTimeBank,
            $"TimeBank must be between 0 and {MaxTimeBank.TotalMinutes} minutes.");
        Check(config.TimeBankRefillHands >= 1, "TimeBankRefillHands must be at least 1.");
        Check(config.MinTablesWithFreeSeat >= 0 && config.MinTablesWithFreeSeat <= MaxRoomTablesLimit
            && config.MaxRoomTables >= Math.Max(1, config.MinTablesWithFreeSeat) && config.MaxRoomTables <= MaxRoomTablesLimit,
            $"MinTablesWithFreeSeat must be between 0 and MaxRoomTables, and MaxRoomTables between 1 and {MaxRoomTablesLimit}.");
        Check(config.MinTablesWithFreeSeat == 0 || (config.Type == TableType.Persistent && !config.IsPrivate),
            "MinTablesWithFreeSeat is for public persistent tables only.");
        Check(config.IdleCloseAfter is not { } idle || (idle >= MinIdleClose && idle <= MaxIdleClose),
            $"IdleCloseAfter must be between {MinIdleClose.TotalMinutes} minutes and {MaxIdleClose.TotalDays} days (or none).");
        Check(!config.WaitlistEnabled || (config.SeatHoldTime >= MinSeatHold && config.SeatHoldTime <= MaxSeatHold),
            $"Seat hold time must be between {MinSeatHold.TotalSeconds} seconds and {MaxSeatHold.TotalMinutes} minutes.");
        Check(config.Robots >= 0 && config.Robots < Math.Max(1, config.MaxPlayers), "Robots must leave at least one seat for a person (0 <= Robots < MaxPlayers).");
        return errors;
    }

    /// <summary>Every chip amount of the template, by name (a level's as "Blind level n ...").</summary>
    private static IEnumerable<(string Field, long Amount)> Amounts(TemplateConfig config)
    {
        (string, long)[] own =
        [
            ("SmallBlind", config.SmallBlind), ("BigBlind", config.BigBlind), ("Ante", config.Ante), ("BringIn", config.BringIn),
            ("SmallBet", config.SmallBet), ("BigBet", config.BigBet), ("MinBuyIn", config.MinBuyIn), ("MaxBuyIn", config.MaxBuyIn),
            ("StartingStack", config.StartingStack), ("RakeCap", config.RakeCap),
        ];
        var levels = (config.BlindLevels ?? []).Select((level, i) => (Level: level, Number: i + 1)).Where(l => l.Level is not null);
        return own.Concat(levels.SelectMany(l => new[]
        {
            ($"Blind level {l.Number} small blind", l.Level.SmallBlind), ($"Blind level {l.Number} big blind", l.Level.BigBlind),
            ($"Blind level {l.Number} ante", l.Level.Ante),
        }));
    }

    private static void CheckStakes(TemplateConfig config, Action<bool, string> check)
    {
        var variant = config.Variant;
        if (TemplateVariants.UsesBlinds(variant))
        {
            check(config.SmallBlind > 0 && config.BigBlind > 0, $"{variant} needs positive blinds (small {config.SmallBlind}, big {config.BigBlind}).");
            check(config.BigBlind >= config.SmallBlind, $"The big blind ({config.BigBlind}) must be at least the small blind ({config.SmallBlind}).");
            if (TemplateVariants.IsFixedLimit(variant))
            {
                check(config.SmallBet > 0 && config.BigBet >= config.SmallBet,
                    $"Fixed-limit {variant} needs SmallBet > 0 and BigBet >= SmallBet (usually SmallBet = big blind, BigBet = 2 x SmallBet).");
            }
        }
        else
        {
            check(config.SmallBlind == 0 && config.BigBlind == 0, $"Stud ({variant}) uses an ante and a bring-in, not blinds.");
            check(config.BringIn > 0, $"Stud ({variant}) needs a positive bring-in.");
            check(config.SmallBet > config.BringIn, $"The small bet ({config.SmallBet}) must be above the bring-in ({config.BringIn}).");
            check(config.BigBet >= config.SmallBet, $"The big bet ({config.BigBet}) must be at least the small bet ({config.SmallBet}).");
        }
    }

    private static void CheckSitAndGo(TemplateConfig config, Action<bool, string> check)
    {
        // JSON may carry null for the list or for one of its levels.
        var levels = config.BlindLevels ?? [];
        check(levels.Count > 0, "A sit-and-go needs blind levels.");
        check(config.StartingStack > 0, "A sit-and-go needs a positive starting stack.");
        check(config.MinBuyIn > 0, "The sit-and-go entry fee (MinBuyIn) must be positive: it makes the prize pool.");
        check(config.StartingStack <= MaxChips / Math.Max(1, config.MaxPlayers),
            $"The starting stacks together ({config.MaxPlayers} × {config.StartingStack}) must be at most {MaxChips} chips.");
        check(config.RakePercent == 0 && config.RakeCap == 0, "A sit-and-go takes no rake: its entry fee is the whole charge.");
        check(config.Robots == 0, "A sit-and-go has no robots: they pay no entry fee.");
        var blinds = TemplateVariants.UsesBlinds(config.Variant);
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            if (level is null)
            {
                check(false, $"Blind level {i + 1} is missing.");
                continue;
            }

            check(level.Duration > TimeSpan.Zero && level.Duration <= MaxBlindLevel, $"Blind level {i + 1} needs a duration of more than zero and at most {MaxBlindLevel.TotalHours:0} hours.");
            check(level.Ante >= 0, $"Blind level {i + 1} has a negative ante.");
            if (blinds)
            {
                check(level.SmallBlind > 0 && level.BigBlind >= level.SmallBlind, $"Blind level {i + 1} needs positive blinds with big >= small.");
            }
        }

        if (blinds && levels.Count > 0 && levels[0] is { } first)
        {
            check(config.StartingStack > first.BigBlind, "The starting stack must be above the first level's big blind.");
        }

        // The levels never fall (a fixed-limit or stud game's bets grow with them: a lower level would shrink them to
        // nothing), and the last one's grown bets stay within the chip cap.
        var given = levels.OfType<BlindLevel>().ToList();
        for (var i = 1; i < given.Count; i++)
        {
            check(given[i].BigBlind >= given[i - 1].BigBlind && given[i].Ante >= given[i - 1].Ante,
                $"Blind level {i + 1} must not be below level {i} (big blind and ante).");
        }

        if (given.Count > 0 && given[0].Size is var then and > 0)
        {
            var now = given[^1].Size;
            check((Int128)Math.Max(config.BigBet, config.SmallBet) * now / then <= MaxChips,
                $"The last level's bets ({Math.Max(config.BigBet, config.SmallBet)} grown {now}/{then} times) must be at most {MaxChips} chips.");
        }

        if (TemplateVariants.IsStud(config.Variant))
        {
            check(config.BringIn > 0 && config.SmallBet > config.BringIn && config.BigBet >= config.SmallBet,
                "A stud sit-and-go needs BringIn > 0, SmallBet > BringIn and BigBet >= SmallBet.");
        }
        else if (TemplateVariants.IsFixedLimit(config.Variant))
        {
            check(config.SmallBet > 0 && config.BigBet >= config.SmallBet, "A fixed-limit sit-and-go needs SmallBet > 0 and BigBet >= SmallBet.");
        }
    }
}
