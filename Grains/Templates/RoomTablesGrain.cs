using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Runtime;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Templates;

/// <summary>
/// Keeps a seat open (<see cref="RoomTables"/>) on a reminder every minute (all templates) and when nudged (one); it reads the templates and
/// the lobby, opens tables <c>&lt;template&gt;-&lt;n&gt;</c> with the next number never used, and closes surplus empty ones.
/// </summary>
public sealed class RoomTablesGrain(
    [PersistentState("room-tables", PokerStorage.Name)] IPersistentState<RoomTablesState> store,
    ILogger<RoomTablesGrain> logger) : Grain, IRoomTablesGrain, IRemindable
{
    private const string Tick = "room-tables";

    public async Task Start()
    {
        if (await this.GetReminder(Tick) is null)
        {
            await this.RegisterOrUpdateReminder(Tick, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    public Task Nudge(string templateId) => Keep(templateId);

    public Task ReceiveReminder(string reminderName, TickStatus status) => Keep(null);

    /// <summary>Opens and closes room tables of one template (a nudge) or of all (the reminder).</summary>
    private async Task Keep(string? templateId)
    {
        var templates = (await GrainFactory.GetGrain<ITemplateCatalogGrain>(0).List()).Where(t => templateId is null || t.Id == templateId);
        var open = await ILobbyGrain.ListAll(GrainFactory, includePrivate: true);
        foreach (var plan in RoomTables.Decide(templates, open))
        {
            for (var i = 0; i < plan.Open; i++)
            {
                await OpenTable(plan.TemplateId, open);
            }

            foreach (var tableId in plan.Close)
            {
                await GrainFactory.GetGrain<ITableGrain>(tableId).Close("surplus");
                logger.LogInformation("Room table {TableId} of {TemplateId} closed: empty, and other tables have a free seat", tableId, plan.TemplateId);
            }
        }
    }

    private async Task OpenTable(string templateId, IReadOnlyList<TableSummary> open)
    {
        var last = Math.Max(store.State.LastNumbers.GetValueOrDefault(templateId), open
            .Where(t => t.TemplateId == templateId && t.TableId.StartsWith(templateId + "-", StringComparison.Ordinal))
            .Select(t => int.TryParse(t.TableId.AsSpan(templateId.Length + 1), out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max());

        // A number taken by a table that ended (not in the lobby any more) is skipped.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var tableId = RoomTables.NextTableId(templateId, last++);
            try
            {
                await GrainFactory.GetGrain<ITableGrain>(tableId).Create(new TableCreation(templateId, CreatedBy: 0));
                logger.LogInformation("Room table {TableId} of {TemplateId} opened: every table of it was full", tableId, templateId);
                break;
            }
            catch (PokerException ex) when (ex.Code == "table_exists")
            {
            }
        }

        store.State.LastNumbers[templateId] = last;
        await store.WriteOrDeactivate(this);
    }
}

/// <summary>The highest table number used per template.</summary>
[GenerateSerializer, Alias("poker.room-tables-state.v1")]
public sealed class RoomTablesState
{
    [Id(0)] public Dictionary<string, int> LastNumbers { get; set; } = [];
}
