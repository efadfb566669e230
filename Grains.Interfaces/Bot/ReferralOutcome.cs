namespace Orleans.Poker.Grains.Interfaces.Bot;

/// <summary>What a referral claim did.</summary>
public enum ReferralOutcome
{
    /// <summary>The bonuses were credited now.</summary>
    Credited,

    /// <summary>The player was referred before (by <see cref="ReferralResult.ReferrerId"/>); nothing changed.</summary>
    AlreadyCredited,

    /// <summary>A player cannot refer themselves.</summary>
    SelfReferral,

    /// <summary>The player is not new (registered too long ago, or has played) or is not a Telegram player.</summary>
    NotNewPlayer,

    /// <summary>The referrer is not a registered Telegram player.</summary>
    UnknownReferrer,
}
