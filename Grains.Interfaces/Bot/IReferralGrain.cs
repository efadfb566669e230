namespace Orleans.Poker.Grains.Interfaces.Bot;

/// <summary>
/// The referral of one player (keyed by the referred player's id): who invited them, credited once. The referrer
/// and the new player get a play-money bonus through their player grains' ledgers (transfer ids
/// <c>referral:&lt;referred&gt;</c> and <c>referral-welcome:&lt;referred&gt;</c>, kind <c>Grant</c>).
/// </summary>
[Alias("poker.referral")]
public interface IReferralGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Credits the referral by <paramref name="referrerId"/> if this player is new (registered within the new-player
    /// window, no hand played), is not the referrer, and was not referred before. Idempotent: a repeated claim changes
    /// nothing and answers <see cref="ReferralOutcome.AlreadyCredited"/>; a claim interrupted by a crash is completed
    /// by the next one. Throws <c>not_found</c> when this player is not registered.
    /// </summary>
    [Alias("Claim")]
    Task<ReferralResult> Claim(long referrerId);

    /// <summary>Who referred this player, if anyone was credited.</summary>
    [Alias("GetReferrer")]
    Task<long?> GetReferrer();
}
