using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// What the table tells the rest of the room about itself: its lobby entry, its row in PostgreSQL, its template's count
/// of tables, and its players' grains (their seated tables and hand statistics). Apart from the table's row, which
/// must exist before chips move, every call is best effort: a failure is logged and the table plays on.
/// </summary>
/// <param name="grains">Where the lobby, template and player grains are.</param>
/// <param name="records">The table records (PostgreSQL in production).</param>
/// <param name="time">The clock a closed table's end is taken from.</param>
/// <param name="tableId">The table.</param>
/// <param name="state">The table's loaded state (the grain's storage keeps this instance while the table is active).</param>
/// <param name="logger">The table grain's logger.</param>
public sealed class TableNeighbours(
    IGrainFactory grains, ITableRecordStore records, TimeProvider time, string tableId, TableState state, ILogger logger)
{
    /// <summary>The table's row in PostgreSQL: ledger and hand rows reference it, so it is written before chips move.</summary>
    public Task SaveRecord() => records.UpsertTableAsync(new TableRecord(
        tableId, state.TemplateId, state.TemplateVersion, state.Name, state.Config!.Type, state.Status, state.InviteCode,
        state.CreatedAt, state.ExpiresAt, state.Status == TableStatus.Ended ? time.GetUtcNow() : null));

    /// <summary>The table's lobby entry: its summary while open, removed once ended.</summary>
    public Task UpdateLobby()
    {
        var lobby = grains.GetGrain<ILobbyGrain>(ILobbyGrain.PartitionOf(tableId));
        return CallSafely(
            () => state.Status == TableStatus.Ended ? lobby.Remove(tableId) : lobby.Upsert(TableProjection.Summary(state, tableId)),
            "update the lobby");
    }

    /// <summary>The closed table no longer counts against its template.</summary>
    public Task ReleaseTemplate() =>
        CallSafely(() => grains.GetGrain<ITemplateGrain>(state.TemplateId).Release(tableId), "release template");

    /// <summary>Each player of a settled hand adds it to their statistics.</summary>
    public Task RecordHands(IEnumerable<(long PlayerId, HandOutcome Outcome)> outcomes) =>
        Task.WhenAll(outcomes.Select(o => CallSafely(() => Player(o.PlayerId).RecordHand(o.Outcome), "record hand")));

    /// <summary>Players whose seat was emptied no longer count this table as theirs (not awaited).</summary>
    public void Untrack(IEnumerable<long> playerIds)
    {
        foreach (var id in playerIds)
        {
            _ = CallSafely(() => Player(id).SetSeated(tableId, false), "untrack table");
        }
    }

    private async Task CallSafely(Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Table {TableId} could not {What}", tableId, what);
        }
    }

    private IPlayerGrain Player(long playerId) => grains.GetGrain<IPlayerGrain>(playerId);
}
