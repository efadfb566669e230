using Orleans.Concurrency;

namespace Orleans.Poker.Grains.Interfaces.Templates;

/// <summary>
/// The room's own tables (key <see cref="Key"/>, one activation in the cluster, on a reminder every minute): for each
/// public persistent template with <see cref="TemplateConfig.MinTablesWithFreeSeat"/> it keeps that many tables with a
/// free seat, opening one when all are full (up to <see cref="TemplateConfig.MaxRoomTables"/>) and closing empty ones
/// beyond it, from the lobby's summaries. A room table's lobby update nudges it about that table's template only (so a
/// template whose first table is still being opened elsewhere, e.g. by seeding, is left to the reminder).
/// </summary>
[Alias("poker.room-tables")]
public interface IRoomTablesGrain : IGrainWithStringKey
{
    public const string Key = "room";

    /// <summary>Makes sure the reminder runs (every silo calls this when it starts).</summary>
    [Alias("Start")]
    Task Start();

    /// <summary>Looks at the room's tables of <paramref name="templateId"/> now (one of them changed in the lobby).</summary>
    [Alias("Nudge")]
    [OneWay]
    Task Nudge(string templateId);
}
