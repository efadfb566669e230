using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Bot;

/// <summary>
/// The referral of one player. The referrer is recorded (persisted) before any chips move, and the bonuses are
/// credited with transfer ids derived from the referred player, so a claim interrupted between the two credits is
/// finished by the next claim without crediting anything twice.
/// </summary>
public sealed class ReferralGrain(
    [PersistentState("referral", PokerStorage.Name)] IPersistentState<ReferralState> store,
    TimeProvider time,
    IOptions<ReferralOptions> options,
    ILogger<ReferralGrain> logger) : Grain, IReferralGrain
{
    private ReferralState State => store.State;

    private long PlayerId => this.GetPrimaryKeyLong();

    public async Task<ReferralResult> Claim(long referrerId)
    {
        if (State.ReferrerId is { } recorded)
        {
            if (State.Completed)
            {
                return new ReferralResult(ReferralOutcome.AlreadyCredited, recorded, 0, 0);
            }

            await Credit(recorded);
            return new ReferralResult(recorded == referrerId ? ReferralOutcome.Credited : ReferralOutcome.AlreadyCredited, recorded, State.ReferrerBonus, State.NewPlayerBonus);
        }

        if (referrerId == PlayerId)
        {
            return Refused(ReferralOutcome.SelfReferral);
        }

        var referred = await GrainFactory.GetGrain<IPlayerGrain>(PlayerId).Get();
        var settings = options.Value;
        if (referred.Profile.TelegramId is null || referred.Profile.IsRobot || referred.Stats.HandsPlayed > 0
            || time.GetUtcNow() - referred.Profile.CreatedAt > settings.NewPlayerWindow)
        {
            return Refused(ReferralOutcome.NotNewPlayer);
        }

        try
        {
            var referrer = await GrainFactory.GetGrain<IPlayerGrain>(referrerId).Get();
            if (referrer.Profile.TelegramId is null || referrer.Profile.IsRobot)
            {
                return Refused(ReferralOutcome.UnknownReferrer);
            }
        }
        catch (PokerException e) when (e.Code == "not_found")
        {
            return Refused(ReferralOutcome.UnknownReferrer);
        }

        State.ReferrerId = referrerId;
        State.ClaimedAt = time.GetUtcNow();
        State.ReferrerBonus = Math.Max(0, settings.ReferrerBonus);
        State.NewPlayerBonus = Math.Max(0, settings.NewPlayerBonus);
        await store.WriteOrDeactivate(this);
        await Credit(referrerId);
        logger.LogInformation("Player {PlayerId} referred by {ReferrerId}: {ReferrerBonus} and {NewPlayerBonus} chips credited", PlayerId, referrerId, State.ReferrerBonus, State.NewPlayerBonus);
        return new ReferralResult(ReferralOutcome.Credited, referrerId, State.ReferrerBonus, State.NewPlayerBonus);
    }

    public Task<long?> GetReferrer() => Task.FromResult(State.Completed ? State.ReferrerId : null);

    private async Task Credit(long referrerId)
    {
        var id = PlayerId.ToString(CultureInfo.InvariantCulture);
        if (State.ReferrerBonus > 0)
        {
            await GrainFactory.GetGrain<IPlayerGrain>(referrerId).GrantBonus($"referral:{id}", State.ReferrerBonus, $"referral bonus: invited player {id}");
        }

        if (State.NewPlayerBonus > 0)
        {
            await GrainFactory.GetGrain<IPlayerGrain>(PlayerId).GrantBonus(
                $"referral-welcome:{id}", State.NewPlayerBonus, $"welcome bonus: invited by player {referrerId.ToString(CultureInfo.InvariantCulture)}");
        }

        State.Completed = true;
        await store.WriteOrDeactivate(this);
    }

    private ReferralResult Refused(ReferralOutcome outcome)
    {
        logger.LogInformation("Referral of player {PlayerId} refused: {Outcome}", PlayerId, outcome);
        return new ReferralResult(outcome, null, 0, 0);
    }
}
