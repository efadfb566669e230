using Orleans.Poker.Engine.Phh;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// One player's result in one stored hand (a <c>hand_players</c> row): <see cref="Net"/> is the finishing minus the
/// starting stack of the hand's PHH (rake included) — 0 in a sit-and-go, whose stacks are tournament chips (its result
/// in the player's balance is the prize minus the fee, in the ledger) — and <see cref="Pot"/> the hand's whole pot.
/// </summary>
/// <param name="Seat">The player's index in <see cref="HandRecord.PlayerIds"/> (the PHH's player order).</param>
public sealed record HandPlayerResult(
    string TableId,
    long HandNumber,
    int Seat,
    long PlayerId,
    string Variant,
    DateTimeOffset EndedAt,
    long Net,
    long Pot)
{
    /// <summary>
    /// The rows of a stored hand, one per player in seat order, with the nets the table recorded (from the PHH's stacks
    /// for a record made before it kept them). A PHH without both stack lists for every player (none the tables write)
    /// gives net 0, as the migration's backfill does: the hand still counts as played.
    /// </summary>
    public static IReadOnlyList<HandPlayerResult> Of(HandRecord hand, bool sitAndGo)
    {
        ArgumentNullException.ThrowIfNull(hand);
        var nets = sitAndGo ? null : hand.Nets ?? Nets(hand.Phh);
        if (nets is not null && nets.Count != hand.PlayerIds.Count)
        {
            nets = null;
        }

        return hand.PlayerIds
            .Select((player, seat) => new HandPlayerResult(hand.TableId, hand.HandNumber, seat, player, hand.Variant, hand.EndedAt, nets?[seat] ?? 0, hand.Pot))
            .ToList();
    }

    /// <summary>Each player's finishing minus starting stack in a PHH document; null without both lists of one length.</summary>
    public static IReadOnlyList<long>? Nets(PhhDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.FinishingStacks is { } finishing && finishing.Count == document.StartingStacks.Count
            ? finishing.Zip(document.StartingStacks, (end, start) => end - start).ToArray()
            : null;
    }

    private static IReadOnlyList<long>? Nets(string phh)
    {
        try
        {
            return Nets(PhhDocument.Parse(phh));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
