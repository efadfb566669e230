using System.Globalization;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Bot;

/// <summary>
/// One slot of a bot's ring of processed update ids. A newer range takes the slot over (the older one has left the
/// window); an older range is refused while the slot is fresh. Telegram keeps an update for at most a day, so a slot
/// untouched for <see cref="Stale"/> may be taken by any range: after a week without updates Telegram picks the next
/// id at random, possibly lower than the last.
/// </summary>
public sealed class BotUpdateGrain(
    [PersistentState("bot-updates", PokerStorage.Name)] IPersistentState<BotUpdateState> store,
    TimeProvider time,
    ILogger<BotUpdateGrain> logger) : Grain, IBotUpdateGrain
{
    public static readonly TimeSpan Stale = TimeSpan.FromHours(25);

    private BotUpdateState State => store.State;

    public async Task<UpdateClaim> TryBegin(int updateId)
    {
        var key = CheckOwned(updateId);
        var now = time.GetUtcNow();
        var range = updateId / IBotUpdateGrain.RangeSize;
        if (State.Range != range || State.Bits.Length == 0)
        {
            if (State.Range > range && now - State.UpdatedAt < Stale)
            {
                logger.LogWarning("Update {UpdateId} is older than the remembered window of {BotSlot}: not processed", updateId, key);
                return UpdateClaim.Duplicate;
            }

            State.Range = range;
            State.Bits = new ulong[IBotUpdateGrain.RangeSize / 64];
            State.Unconfirmed.Clear();
        }

        var offset = updateId % IBotUpdateGrain.RangeSize;
        var mask = 1UL << (offset % 64);
        if ((State.Bits[offset / 64] & mask) != 0)
        {
            if (!State.Unconfirmed.TryGetValue(updateId, out var claimedAt))
            {
                return UpdateClaim.Duplicate;
            }

            if (now - claimedAt < IBotUpdateGrain.ConfirmLease)
            {
                return UpdateClaim.InProgress;
            }

            logger.LogWarning("Update {UpdateId} was claimed at {ClaimedAt} but never confirmed: claimed again", updateId, claimedAt);
        }

        var before = State.Unconfirmed.TryGetValue(updateId, out var earlier) ? earlier : (DateTimeOffset?)null;
        State.Bits[offset / 64] |= mask;
        State.Unconfirmed[updateId] = now;
        State.UpdatedAt = now;
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            // Unclaimed after all, so a redelivery is processed; the next activation reads the stored window again.
            if (before is { } at)
            {
                State.Unconfirmed[updateId] = at;
            }
            else
            {
                State.Bits[offset / 64] &= ~mask;
                State.Unconfirmed.Remove(updateId);
            }

            DeactivateOnIdle();
            throw;
        }

        return UpdateClaim.Claimed;
    }

    public async Task Confirm(int updateId)
    {
        CheckOwned(updateId);
        if (updateId / IBotUpdateGrain.RangeSize != State.Range || !State.Unconfirmed.Remove(updateId))
        {
            return;
        }

        await store.WriteOrDeactivate(this);
    }

    private string CheckOwned(int updateId)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.LastIndexOf('/');
        if (updateId < 0 || slash < 0 || IBotUpdateGrain.KeyOf(long.Parse(key[..slash], CultureInfo.InvariantCulture), updateId) != key)
        {
            throw new PokerException("invalid_update", $"Update {updateId} does not belong to {key}.");
        }

        return key;
    }
}
