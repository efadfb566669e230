using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Templates;

/// <summary>
/// Always a seat open: for each active public persistent template with <see cref="TemplateConfig.MinTablesWithFreeSeat"/>,
/// how many of the room's own tables (created by nobody) to open, and which empty ones to close. Tables players created
/// are never counted, opened or closed here.
/// </summary>
public static class RoomTables
{
    /// <summary>What to do for one template: tables to open, and the ids of empty tables to close.</summary>
    public sealed record Plan(string TemplateId, int Open, IReadOnlyList<string> Close);

    public static IReadOnlyList<Plan> Decide(IEnumerable<TemplateInfo> templates, IReadOnlyList<TableSummary> open)
    {
        var plans = new List<Plan>();
        foreach (var template in templates)
        {
            if (!template.Active || template.Config is not { MinTablesWithFreeSeat: > 0, Type: TableType.Persistent, IsPrivate: false } config)
            {
                continue;
            }

            var room = open.Where(t => t.TemplateId == template.Id && t.CreatedBy == 0 && t.Status != TableStatus.Ended && !t.IsPrivate).ToList();
            var withSeat = room.Count(t => t.SeatsTaken < t.MaxPlayers);
            var toOpen = Math.Min(config.MinTablesWithFreeSeat - withSeat, config.MaxRoomTables - room.Count);

            // Beyond the minimum, empty tables nobody waits for (no queue, no seat held for a waiting player) close, the
            // newest first; at least one table stays.
            var surplus = Math.Min(withSeat - config.MinTablesWithFreeSeat, room.Count - 1);
            var close = surplus <= 0 ? [] : room
                .Where(t => t.SeatsTaken == 0 && t.SeatsHeld == 0 && t.WaitlistLength == 0)
                .OrderByDescending(t => t.TableId, StringComparer.Ordinal)
                .Take(surplus)
                .Select(t => t.TableId)
                .ToList();
            if (toOpen > 0 || close.Count > 0)
            {
                plans.Add(new Plan(template.Id, Math.Max(0, toOpen), close));
            }
        }

        return plans;
    }

    /// <summary>The id of the room's next table of a template: its ids end in a number, the next one after the highest ever used.</summary>
    public static string NextTableId(string templateId, int lastNumber) => $"{templateId}-{lastNumber + 1}";
}
