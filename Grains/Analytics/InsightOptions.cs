namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// The thresholds of the insight rules (<c>POKER__Analytics__Insights__*</c>, bound by the silo and checked on start by
/// <see cref="Validate"/>; unset keys keep these defaults).
/// </summary>
public sealed class InsightOptions
{
    /// <summary>The configuration section under <c>POKER__Analytics</c>.</summary>
    public const string SectionName = "Insights";

    /// <summary>The last whole hour's hands at least this many times those of the same hour a week earlier: a traffic spike (info).</summary>
    public double TrafficSpikeRatio { get; set; } = 2.0;

    /// <summary>The last whole hour's hands at most this share of those a week earlier: a traffic drop (warning).</summary>
    public double TrafficDropRatio { get; set; } = 0.5;

    /// <summary>Neither rule fires unless one of the two hours dealt at least this many hands (quiet rooms do not flap).</summary>
    public int TrafficMinimumHands { get; set; } = 100;

    /// <summary>An open, unpaused table with at least two players seated and no hand for this long is idle (info).</summary>
    public TimeSpan IdleTableAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A table whose waitlist is at least this long: open another table? (warning).</summary>
    public int WaitlistSurge { get; set; } = 5;

    /// <summary>At least this many failed storage operations since the previous evaluation (critical).</summary>
    public int StorageErrors { get; set; } = 5;

    /// <summary>The span of stored hands the rules over players' results look at (<see cref="InsightRules.UnusualWinRate"/>, <see cref="InsightRules.ChipFlow"/>).</summary>
    public TimeSpan ResultsWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long the players' figures (two queries over <see cref="ResultsWindow"/> of <c>hand_players</c>) are reused before they are read again.</summary>
    public TimeSpan ResultsRefresh { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A person needs at least this many cash hands in <see cref="ResultsWindow"/> before their win rate is judged.</summary>
    public int WinRateMinimumHands { get; set; } = 1000;

    /// <summary>Winning at least this many big blinds per 100 hands over <see cref="ResultsWindow"/> is unusual (warning).</summary>
    public double WinRateBigBlindsPer100 { get; set; } = 50;

    /// <summary>Two people need at least this many shared cash hands in <see cref="ResultsWindow"/> before the chips between them are judged.</summary>
    public int ChipFlowMinimumHands { get; set; } = 20;

    /// <summary>At least this many big blinds lost by one person that the other won, over <see cref="ResultsWindow"/> (warning) …</summary>
    public double ChipFlowBigBlinds { get; set; } = 200;

    /// <summary>… while what went the other way is at most this share of it (0 to 1, 1 excluded).</summary>
    public double ChipFlowReverseShare { get; set; } = 0.2;

    /// <summary>At least this many turn timeouts of people at one table in the last hour (and <see cref="TimeoutRatio"/>): a timeout surge (warning).</summary>
    public int TimeoutSurge { get; set; } = 20;

    /// <summary>At least this many turn timeouts of people in the whole room in the last hour (and <see cref="TimeoutRatio"/>): a timeout surge (warning).</summary>
    public int TimeoutSurgeRoom { get; set; } = 100;

    /// <summary>A timeout surge also needs at least this many timeouts per hand dealt in that hour.</summary>
    public double TimeoutRatio { get; set; } = 0.25;

    /// <summary>Why these settings make no sense, naming the variables; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        const string prefix = "POKER__Analytics__Insights__";
        var errors = new List<string>();
        if (!(TrafficSpikeRatio > 1) || double.IsInfinity(TrafficSpikeRatio))
        {
            errors.Add($"{prefix}TrafficSpikeRatio must be a number above 1 (was {TrafficSpikeRatio}).");
        }

        if (!(TrafficDropRatio is > 0 and < 1))
        {
            errors.Add($"{prefix}TrafficDropRatio must be a number between 0 and 1, both excluded (was {TrafficDropRatio}).");
        }

        if (TrafficMinimumHands < 1)
        {
            errors.Add($"{prefix}TrafficMinimumHands must be at least 1 (was {TrafficMinimumHands}).");
        }

        if (IdleTableAfter < TimeSpan.FromMinutes(1))
        {
            errors.Add($"{prefix}IdleTableAfter must be at least 00:01:00 (was {IdleTableAfter}).");
        }

        if (WaitlistSurge < 1)
        {
            errors.Add($"{prefix}WaitlistSurge must be at least 1 (was {WaitlistSurge}).");
        }

        if (StorageErrors < 1)
        {
            errors.Add($"{prefix}StorageErrors must be at least 1 (was {StorageErrors}).");
        }

        if (ResultsWindow < TimeSpan.FromHours(1) || ResultsWindow > TimeSpan.FromDays(90))
        {
            errors.Add($"{prefix}ResultsWindow must be between 01:00:00 and 90.00:00:00 (was {ResultsWindow}).");
        }

        if (ResultsRefresh < TimeSpan.FromMinutes(1))
        {
            errors.Add($"{prefix}ResultsRefresh must be at least 00:01:00 (was {ResultsRefresh}).");
        }

        if (WinRateMinimumHands < 1)
        {
            errors.Add($"{prefix}WinRateMinimumHands must be at least 1 (was {WinRateMinimumHands}).");
        }

        if (!(WinRateBigBlindsPer100 > 0) || double.IsInfinity(WinRateBigBlindsPer100))
        {
            errors.Add($"{prefix}WinRateBigBlindsPer100 must be a number above 0 (was {WinRateBigBlindsPer100}).");
        }

        if (ChipFlowMinimumHands < 1)
        {
            errors.Add($"{prefix}ChipFlowMinimumHands must be at least 1 (was {ChipFlowMinimumHands}).");
        }

        if (!(ChipFlowBigBlinds > 0) || double.IsInfinity(ChipFlowBigBlinds))
        {
            errors.Add($"{prefix}ChipFlowBigBlinds must be a number above 0 (was {ChipFlowBigBlinds}).");
        }

        if (!(ChipFlowReverseShare is >= 0 and < 1))
        {
            errors.Add($"{prefix}ChipFlowReverseShare must be a number from 0 to 1, 1 excluded (was {ChipFlowReverseShare}).");
        }

        if (TimeoutSurge < 1)
        {
            errors.Add($"{prefix}TimeoutSurge must be at least 1 (was {TimeoutSurge}).");
        }

        if (TimeoutSurgeRoom < 1)
        {
            errors.Add($"{prefix}TimeoutSurgeRoom must be at least 1 (was {TimeoutSurgeRoom}).");
        }

        if (!(TimeoutRatio > 0) || double.IsInfinity(TimeoutRatio))
        {
            errors.Add($"{prefix}TimeoutRatio must be a number above 0 (was {TimeoutRatio}).");
        }

        return errors;
    }
}
