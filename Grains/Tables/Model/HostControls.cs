using System.Globalization;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Templates;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>
/// A table's host: the player who created it (a private game, a group's table, a table they opened from the lobby) may
/// pause and resume it, kick a player, change the blinds and the turn time from the next hand on, and close it. The
/// room's own tables (created by the template seeder, <see cref="TableState.CreatedBy"/> 0) and sit-and-gos have no
/// host. A host sees no more cards than any player and moves no chips: a kick cashes out as leaving does.
/// Limits of a change, from the table's template version: the big blind from half the template's (at least 2) to four
/// times it, never so high that the template's maximum buy-in is under <see cref="MinBuyInBigBlinds"/> big blinds; the
/// small blind keeps the template's proportion; fixed-limit and stud games keep their blinds (they go with the bets);
/// the turn time from half the template's (at least the templates' minimum) to four times it (at most their maximum).
/// </summary>
public static class HostControls
{
    /// <summary>How many times the template's big blind (and turn time) a host may go up to.</summary>
    public const int MaxFactor = 4;

    /// <summary>The template's maximum buy-in stays at least this many big blinds.</summary>
    public const int MinBuyInBigBlinds = 20;

    /// <summary>The table's host, or null when it has none.</summary>
    public static long? HostOf(TableState state) => state.CreatedBy != 0 && !SitAndGo.Is(state.Config!) ? state.CreatedBy : null;

    /// <summary>Refuses (<c>forbidden</c>) anyone but the host, and everyone at a table without one.</summary>
    public static void Check(TableState state, long playerId)
    {
        if (HostOf(state) is not { } host)
        {
            throw PokerException.Forbidden("This table has no host: only the room's admins manage it");
        }

        if (host != playerId)
        {
            throw PokerException.Forbidden("Only the table's host (the player who created it) can do this");
        }
    }

    /// <summary>A table an admin paused stays paused until an admin resumes it.</summary>
    public static void CheckResume(TableState state)
    {
        if (state.PausedByAdmin)
        {
            throw PokerException.Conflict("paused_by_admin", "An admin paused this table: only an admin resumes it");
        }
    }

    /// <summary>The host may not kick themselves (they leave); a player not seated is not found.</summary>
    public static int KickedSeat(TableState state, long hostId, long playerId, string tableId)
    {
        ITableGrain.CheckHostKick(hostId, playerId);
        return Seating.SeatOf(state, playerId) ?? throw PokerException.NotFound($"Player {playerId} at table {tableId}");
    }

    /// <summary>Blinds change only in no-limit and pot-limit blinds games.</summary>
    public static bool BlindsChangeable(TemplateConfig template) =>
        TemplateVariants.UsesBlinds(template.Variant) && !TemplateVariants.IsFixedLimit(template.Variant) && template.BigBlind > 0;

    /// <summary>The settings the table plays with now.</summary>
    public static TableSettings Current(TableState state) => new(state.Config!.SmallBlind, state.Config.BigBlind, state.Config.TurnTime);

    /// <summary>What the host sees: the settings now, those of the next hand, and the limits of <paramref name="template"/>.</summary>
    public static HostSettings Settings(TableState state, TemplateConfig template)
    {
        var changeable = BlindsChangeable(template);
        return new HostSettings(
            Current(state),
            state.PendingSettings,
            changeable,
            changeable ? MinBigBlind(template) : template.BigBlind,
            changeable ? MaxBigBlind(template) : template.BigBlind,
            MinTurnTime(template),
            MaxTurnTime(template));
    }

    /// <summary>
    /// Checks a change against the limits (<see cref="HostSettings.Check"/>) and stores it for the next hand (a change back to the settings in play clears
    /// it); returns a description for the table's event. Refused: <c>out_of_limits</c>, <c>blinds_fixed</c>, changing nothing.
    /// </summary>
    public static string Change(TableState state, TemplateConfig template, long? bigBlind, TimeSpan? turnTime)
    {
        var (big, turn) = Settings(state, template).Check(bigBlind, turnTime);
        var next = new TableSettings(big == state.Config!.BigBlind ? state.Config.SmallBlind : SmallBlind(template, big), big, turn);
        state.PendingSettings = next == Current(state) ? null : next;
        return state.PendingSettings is null
            ? "the host keeps the blinds and the turn time as they are"
            : $"the host changes the game from the next hand: {Describe(next)}";
    }

    /// <summary>Before a hand is dealt: the pending settings become the table's; returns them (null when none were pending).</summary>
    public static TableSettings? Apply(TableState state)
    {
        if (state.PendingSettings is not { } next)
        {
            return null;
        }

        state.Config = state.Config! with { SmallBlind = next.SmallBlind, BigBlind = next.BigBlind, TurnTime = next.TurnTime };
        state.PendingSettings = null;
        return next;
    }

    /// <summary>"blinds 2/4, 30 s to act".</summary>
    public static string Describe(TableSettings settings) =>
        string.Create(CultureInfo.InvariantCulture, $"blinds {settings.SmallBlind}/{settings.BigBlind}, {Seconds(settings.TurnTime)} to act");

    public static long MinBigBlind(TemplateConfig template) => Math.Min(template.BigBlind, Math.Max(2, template.BigBlind / 2));

    public static long MaxBigBlind(TemplateConfig template) =>
        Math.Max(template.BigBlind, Math.Min(template.BigBlind * MaxFactor, template.MaxBuyIn / MinBuyInBigBlinds));

    public static TimeSpan MinTurnTime(TemplateConfig template) =>
        Clamp(TimeSpan.FromSeconds(Math.Ceiling(template.TurnTime.TotalSeconds / 2)), TemplateValidator.MinTurnTime, template.TurnTime);

    public static TimeSpan MaxTurnTime(TemplateConfig template) =>
        Clamp(template.TurnTime * MaxFactor, template.TurnTime, Max(template.TurnTime, TemplateValidator.MaxTurnTime));

    /// <summary>The template's small blind scaled to <paramref name="bigBlind"/> (rounded down, at least 1).</summary>
    private static long SmallBlind(TemplateConfig template, long bigBlind) => Math.Max(1, template.SmallBlind * bigBlind / template.BigBlind);

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0} s");

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
