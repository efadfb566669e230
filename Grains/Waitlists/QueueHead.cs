using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Waitlists;

/// <summary>
/// The player a queue's seat goes to, for a table's queue and a template's alike: its first eligible entry whose player
/// is not banned. The entry stays in the queue: the table takes the player out once the seat it holds for them is
/// stored, so a table that fails or crashes before that leaves them waiting where they were.
/// </summary>
internal static class QueueHead
{
    /// <summary>
    /// The first entry whose player is <paramref name="eligible"/> and not banned, or null. Banned players met on the way
    /// leave the queue (a banned player cannot buy in); <c>Removed</c> says whether any did, so the queue must be stored.
    /// </summary>
    public static async Task<(WaitlistEntry? Head, bool Removed)> Find(
        List<WaitlistEntry> entries, Func<long, bool> eligible, IGrainFactory grains, ILogger logger, string queue)
    {
        var removed = false;
        while (entries.FindIndex(e => eligible(e.PlayerId)) is var index and >= 0)
        {
            var entry = entries[index];
            // Asked before the queue changes: a failed call leaves it as stored.
            if (await grains.GetGrain<IPlayerGrain>(entry.PlayerId).GetBan() is null)
            {
                return (entry, removed);
            }

            entries.RemoveAt(index);
            removed = true;
            logger.LogInformation("Banned player {PlayerId} left the waitlist of {Queue}", entry.PlayerId, queue);
        }

        return (null, removed);
    }
}
