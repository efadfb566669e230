using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>
/// Table hygiene: a table a player created (a private game, a group's table) closes once nobody has dealt a hand or
/// taken a seat there for the template's <see cref="TemplateConfig.IdleCloseAfter"/>, warned <see cref="WarningBefore"/>
/// first (at most half the idle time); every seat is cashed out as at any close. The room's own tables (created by the
/// template seeder) and started sit-and-gos never close for idleness (a sit-and-go a player opened that did not fill
/// does, its fees refunded), nor a table with a hand in play, nor any table while the room is under maintenance (no
/// hand can start then): the idle time starts again when maintenance ends.
/// </summary>
public static class TableHygiene
{
    /// <summary>How long before the idle close its warning comes (capped at half the idle time).</summary>
    public static readonly TimeSpan WarningBefore = TimeSpan.FromMinutes(5);

    /// <summary>Something happened at the table (it opened, a hand was dealt, a seat was taken): the idle time starts again.</summary>
    public static void Active(TableState state, DateTimeOffset now)
    {
        state.LastActiveAt = now;
        state.IdleWarned = false;
    }

    /// <summary>A table stored before its activity was kept counts from when it loads.</summary>
    public static void Stamp(TableState state, DateTimeOffset now) => state.LastActiveAt ??= now;

    /// <summary>When the table closes for idleness; null when it never does.</summary>
    public static DateTimeOffset? ClosesAt(TableState state) =>
        state.CreatedBy != 0 && state.Config!.IdleCloseAfter is { } idle && !(SitAndGo.Is(state.Config) && state.SitAndGoStarted) && !state.Maintenance && state.LastActiveAt is { } last
            ? last + idle
            : null;

    /// <summary>When its warning is due; null once given or when the table never closes for idleness.</summary>
    public static DateTimeOffset? WarnsAt(TableState state) =>
        ClosesAt(state) is { } closes && !state.IdleWarned
            ? closes - Min(WarningBefore, state.Config!.IdleCloseAfter!.Value / 2)
            : null;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
