namespace Orleans.Poker.Grains.Bot;

/// <summary>Referral rules of <see cref="ReferralGrain"/> (bound from configuration by the silo, or the defaults).</summary>
public sealed class ReferralOptions
{
    /// <summary>Chips credited to the player whose invite link brought a new player.</summary>
    public long ReferrerBonus { get; set; } = 1_000;

    /// <summary>Chips credited to the new player on top of the starting balance.</summary>
    public long NewPlayerBonus { get; set; } = 500;

    /// <summary>How long after registering a player still counts as new (and has played no hand).</summary>
    public TimeSpan NewPlayerWindow { get; set; } = TimeSpan.FromHours(1);
}
