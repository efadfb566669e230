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

        return errors;
    }
}
