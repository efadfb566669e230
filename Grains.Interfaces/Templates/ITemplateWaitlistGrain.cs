using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Interfaces.Templates;

/// <summary>
/// The waitlist of "any table of this template" (keyed by the template id), for public persistent templates: a
/// first-in-first-out queue, one entry per player. The room's own tables of the template take its head when a seat frees
/// and their own waitlist has nobody to offer it to, and hold the seat for that player as for their own queue.
/// Refusals throw <see cref="Common.PokerException"/> and change nothing.
/// </summary>
[Alias("poker.template-waitlist")]
public interface ITemplateWaitlistGrain : IGrainWithStringKey
{
    /// <summary>
    /// A table that serves its template's queue: one of the room's own (created by nobody), public and persistent — never
    /// a table a player created, which is its host's.
    /// </summary>
    static bool Serves(TableSummary table) => Serves(table.CreatedBy, table.IsPrivate, table.Type);

    /// <inheritdoc cref="Serves(TableSummary)"/>
    static bool Serves(long createdBy, bool isPrivate, TableType type) => createdBy == 0 && !isPrivate && type == TableType.Persistent;

    /// <summary>
    /// Queues the player and answers their position, or — when one of the room's tables of the template has a seat
    /// free to take now — answers that table without queueing. Refused: <c>not_found</c> (no such template),
    /// <c>not_queueable</c> (not an active public persistent template with a waitlist), <c>already_seated</c> (at one of
    /// its tables), <c>already_queued</c>, <c>waitlist_full</c>.
    /// </summary>
    [Alias("Join")]
    Task<TemplateWaitlistStatus> Join(long playerId, string displayName);

    /// <summary>Leaves the queue (and forgets a seat offered from it); true if the player was queued. <c>not_found</c> for no such template.</summary>
    [Alias("Leave")]
    Task<bool> Leave(long playerId);

    /// <summary>The player's position, or the table holding a seat for them; <c>not_found</c> for no such template.</summary>
    [Alias("GetStatus")]
    Task<TemplateWaitlistStatus> GetStatus(long playerId);

    /// <summary>
    /// A table of the template (<paramref name="tableId"/>) is about to hold a freed seat until <paramref name="heldUntil"/>:
    /// returns the head of the queue, skipping <paramref name="skip"/> (seated there; they keep their place) and players
    /// offered a seat that is not over yet, and dropping banned players; null when nobody is waiting. The player keeps
    /// their place until the table says it holds the seat (<see cref="Held"/>): if it never does (it failed or crashed
    /// first), they are offered the next seat once <paramref name="heldUntil"/> has passed.
    /// </summary>
    [Alias("Offer")]
    Task<WaitlistEntry?> Offer(string tableId, DateTimeOffset heldUntil, IReadOnlyCollection<long> skip);

    /// <summary>The table that took the player (<see cref="Offer"/>) has stored the seat it holds for them: they leave the queue.</summary>
    [Alias("Held")]
    Task Held(long playerId);

    /// <summary>The player sat down at a table of the template (by any path): they leave the queue and any offer from it.</summary>
    [Alias("Seated")]
    Task Seated(long playerId);
}
