using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Waitlists;

/// <summary>
/// The decisions of a template's waitlist ("any table of this template"): which templates have one, which tables serve
/// it (<see cref="ITemplateWaitlistGrain.Serves(TableSummary)"/>), the table a joining player is sent to when one has a seat free, and who is next.
/// </summary>
public static class TemplateQueue
{
    /// <summary>A bound on the queue so that one template cannot grow its state without limit.</summary>
    public const int MaxLength = 200;

    /// <summary>Refuses a template without a queue: unknown (<c>not_found</c>), or not an active public persistent one with a waitlist (<c>not_queueable</c>).</summary>
    public static TemplateConfig CheckQueueable(string templateId, TemplateInfo? template)
    {
        if (template is null)
        {
            throw PokerException.NotFound($"Template {templateId}");
        }

        return template is { Active: true, Config: { Type: TableType.Persistent, IsPrivate: false, WaitlistEnabled: true } config }
            ? config
            : throw PokerException.Conflict("not_queueable", $"Template {templateId} has no waitlist for any of its tables: only active public persistent templates with a waitlist do");
    }

    /// <summary>Refuses a player who sits at one of the template's open tables (any, the players' own included): <c>already_seated</c>.</summary>
    public static void CheckNotSeated(string templateId, IEnumerable<TableSummary> open, IReadOnlyCollection<string> playerTables)
    {
        if (open.FirstOrDefault(t => t.TemplateId == templateId && playerTables.Contains(t.TableId)) is { } table)
        {
            throw PokerException.Conflict("already_seated", $"You already sit at {table.Name} ({table.TableId}), a table of this template");
        }
    }

    /// <summary>
    /// The table a joining player is sent to instead of queueing: of the room's open, unpaused tables of the template with
    /// a seat nobody holds, the fullest (a game sooner), then the lowest id; null when every one is full.
    /// </summary>
    public static string? TableWithSeat(string templateId, IEnumerable<TableSummary> open) => open
        .Where(t => t.TemplateId == templateId && t.Status is TableStatus.Waiting or TableStatus.Active && ITemplateWaitlistGrain.Serves(t))
        .Where(t => t.SeatsTaken + t.SeatsHeld < t.MaxPlayers)
        .OrderByDescending(t => t.SeatsTaken)
        .ThenBy(t => t.TableId, StringComparer.Ordinal)
        .Select(t => t.TableId)
        .FirstOrDefault();
}
