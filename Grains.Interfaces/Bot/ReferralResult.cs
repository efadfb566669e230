namespace Orleans.Poker.Grains.Interfaces.Bot;

/// <summary>The answer to a referral claim: the outcome, the credited referrer and the bonuses (0 when none).</summary>
[GenerateSerializer, Immutable, Alias("poker.referral-result.v1")]
public sealed record ReferralResult(
    [property: Id(0)] ReferralOutcome Outcome,
    [property: Id(1)] long? ReferrerId,
    [property: Id(2)] long ReferrerBonus,
    [property: Id(3)] long NewPlayerBonus);
