using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Admin;

/// <summary>
/// The room's maintenance switch (see <see cref="IMaintenanceGrain"/>). Tables are told when it is switched — one call
/// to each open table, listed by the lobby — rather than asking it before each hand: the switch moves a few times a
/// day, hands start many times a second, and a singleton asked per hand would be the room's hot spot. A table that
/// missed the word off checks the switch on its watchdog reminder while it is on hold, so none is left stuck; a table
/// created meanwhile reads it once.
/// </summary>
public sealed class MaintenanceGrain(
    [PersistentState("maintenance", PokerStorage.Name)] IPersistentState<MaintenanceState> store,
    TimeProvider time,
    ILogger<MaintenanceGrain> logger) : Grain, IMaintenanceGrain
{
    /// <summary>The longest note for players.</summary>
    public const int MaxMessageLength = 200;

    public Task<MaintenanceStatus> Get() => Task.FromResult(store.State.Status);

    public async Task<MaintenanceStatus> Set(bool on, long by, string? message)
    {
        var note = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        if (note is { Length: > MaxMessageLength } || (note?.Any(char.IsControl) ?? false))
        {
            throw new PokerException("invalid_input", $"message must be at most {MaxMessageLength} characters without control characters");
        }

        var current = store.State.Status;
        var changed = current.On != on;
        store.State.Status = on
            ? new MaintenanceStatus(true, changed ? time.GetUtcNow() : current.Since, changed ? by : current.By, note)
            : new MaintenanceStatus(false);
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            // Not stored: the switch stays as it was (a reader between the two lines saw the new one, for a moment).
            store.State.Status = current;
            throw;
        }

        if (changed)
        {
            logger.LogWarning("Maintenance switched {State} by {AdminId}: {Message}", on ? "on" : "off", by, note);
        }

        // Told again when unchanged too: an admin repeating the switch reaches a table that missed it.
        await TellTables(on);
        return store.State.Status;
    }

    private async Task TellTables(bool on)
    {
        var tables = await ILobbyGrain.ListAll(GrainFactory, includePrivate: true);
        var failed = 0;
        await Task.WhenAll(tables.Select(async table =>
        {
            try
            {
                await GrainFactory.GetGrain<ITableGrain>(table.TableId).SetMaintenance(on);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Increment(ref failed);
                logger.LogWarning(e, "Table {TableId} was not told that maintenance is {State}", table.TableId, on ? "on" : "off");
            }
        }));
        logger.LogInformation("Maintenance {State}: {Told} tables told, {Failed} not", on ? "on" : "off", tables.Count - failed, failed);
    }
}
