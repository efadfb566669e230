namespace Orleans.Poker.Grains.Bot;

/// <summary>Who referred the player; <see cref="Completed"/> once both bonuses are on the ledgers.</summary>
[GenerateSerializer, Alias("poker.referral-state.v1")]
public sealed class ReferralState
{
    [Id(0)] public long? ReferrerId { get; set; }

    [Id(1)] public DateTimeOffset ClaimedAt { get; set; }

    [Id(2)] public bool Completed { get; set; }

    [Id(3)] public long ReferrerBonus { get; set; }

    [Id(4)] public long NewPlayerBonus { get; set; }
}
