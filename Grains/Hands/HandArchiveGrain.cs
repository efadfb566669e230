using Orleans.Concurrency;
using Orleans.Poker.Grains.Interfaces.Hands;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Hands;

/// <summary>Serves stored hands to the gateway, which has no database access of its own.</summary>
[StatelessWorker]
public sealed class HandArchiveGrain(IHandHistoryStore histories) : Grain, IHandArchiveGrain
{
    public async Task<IReadOnlyList<HandSummary>> GetPlayerHands(long playerId, int skip, int take)
    {
        var hands = await histories.GetPlayerHandsAsync(playerId, Math.Max(0, skip), Math.Clamp(take, 1, 100));
        return hands.Select(h => ToSummary(h, withPhh: false)).ToList();
    }

    public async Task<HandSummary?> GetHand(string tableId, long handNo)
    {
        var hand = await histories.GetAsync(tableId, handNo);
        return hand is null ? null : ToSummary(hand, withPhh: true);
    }

    private static HandSummary ToSummary(HandRecord hand, bool withPhh) =>
        new(hand.TableId, hand.HandNumber, hand.Variant, hand.StartedAt, hand.EndedAt, hand.PlayerIds, hand.Pot, hand.Rake, withPhh ? hand.Phh : null);
}
