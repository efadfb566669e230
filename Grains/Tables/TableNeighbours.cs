using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Pings;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Robots;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// What the table tells the rest of the room about itself: its lobby entry, its row in PostgreSQL, its template's count
/// of tables, its players' grains (their seated tables and hand statistics) and the seat history (queued to the silo's
/// <see cref="SeatHistoryWriter"/>, people only, never awaited). Apart from the table's row, which must exist before
/// chips move, every call is best effort: a failure is logged and the table plays on.
/// </summary>
/// <param name="grains">Where the lobby, template and player grains are.</param>
/// <param name="records">The table records (PostgreSQL in production).</param>
/// <param name="history">The silo's seat and waitlist history writer.</param>
/// <param name="time">The clock a closed table's end is taken from.</param>
/// <param name="tableId">The table.</param>
/// <param name="state">The table's loaded state (the grain's storage keeps this instance while the table is active).</param>
/// <param name="logger">The table grain's logger.</param>
public sealed class TableNeighbours(
    IGrainFactory grains, ITableRecordStore records, SeatHistoryWriter history, TimeProvider time, string tableId, TableState state, ILogger logger)
{
    /// <summary>The table's row in PostgreSQL: ledger and hand rows reference it, so it is written before chips move.</summary>
    public Task SaveRecord() => records.UpsertTableAsync(new TableRecord(
        tableId, state.TemplateId, state.TemplateVersion, state.Name, state.Config!.Type, state.Status, state.InviteCode,
        state.CreatedAt, state.ExpiresAt, state.Status == TableStatus.Ended ? time.GetUtcNow() : null));

    // The timeout count of the summary last sent to the lobby (this activation's).
    private long publishedTimeouts;

    /// <summary>
    /// The table's lobby entry: its summary while open, removed once ended. A room table of a template that keeps a seat
    /// open then nudges the keeper (<see cref="IRoomTablesGrain"/>, one-way), which reads the lobby.
    /// </summary>
    public async Task UpdateLobby()
    {
        var lobby = grains.GetGrain<ILobbyGrain>(ILobbyGrain.PartitionOf(tableId));
        publishedTimeouts = state.Timeouts;
        await CallSafely(
            () => state.Status == TableStatus.Ended ? lobby.Remove(tableId) : lobby.Upsert(TableProjection.Summary(state, tableId)),
            "update the lobby");
        if (state.CreatedBy == 0 && state.Config is { MinTablesWithFreeSeat: > 0 })
        {
            await CallSafely(() => grains.GetGrain<IRoomTablesGrain>(IRoomTablesGrain.Key).Nudge(state.TemplateId), "nudge the room's tables");
        }
    }

    // The turn last told to the table's presence grain (this activation's), and whether a person was to act in it.
    private TurnRef? noticedTurn;
    private bool noticedPerson;

    // References made once per activation: Orleans reads the grain interface's attributes anew for every GetGrain
    // (5.6 % of the grains benchmark's CPU at 9,000 actions/s when made for every turn and every settled hand's players).
    private ITablePresenceGrain? presence;
    private readonly Dictionary<long, IPlayerGrain> players = [];

    /// <summary>
    /// After an event: when the turn changed, the table's presence grain is told (one-way, never awaited), which pings a
    /// player with no live connection and edits the ping once the turn passes. Turns between robots are not told.
    /// </summary>
    public void TurnChanged(Hand? hand)
    {
        var turn = state.TurnId == 0 ? null : new TurnRef(state.HandNo, state.TurnId);
        if (turn == noticedTurn)
        {
            return;
        }

        var actor = hand?.Actor is int index ? state.Seats[state.HandSeats[index]] : null;
        var person = turn is not null && actor is { IsRobot: false };
        var told = noticedPerson;
        (noticedTurn, noticedPerson) = (turn, person);
        if (!person && !told)
        {
            return;
        }

        var legal = person ? WireMapping.ToWire(hand!.GetLegalActions()) : null;
        var notice = new TurnNotice(tableId, state.Name, state.EventSeq, turn, actor?.PlayerId, state.Deadline, legal);
        var presenceGrain = presence ??= grains.GetGrain<ITablePresenceGrain>(tableId);
        _ = CallSafely(() => presenceGrain.TurnChanged(notice), "notice the turn");
    }

    /// <summary>The closed table no longer counts against its template.</summary>
    public Task ReleaseTemplate() =>
        CallSafely(() => grains.GetGrain<ITemplateGrain>(state.TemplateId).Release(tableId), "release template");

    /// <summary>
    /// Each player of a settled hand adds it to their statistics. When people's turns timed out since the lobby last got
    /// the summary, it gets it again: the analytics snapshots count timeouts from the lobby's summaries, and a hand's end
    /// refreshes nothing else there.
    /// </summary>
    public async Task RecordHands(IEnumerable<(long PlayerId, HandOutcome Outcome)> outcomes)
    {
        await Task.WhenAll(outcomes.Select(o => CallSafely(() => Player(o.PlayerId).RecordHand(o.Outcome), "record hand")));
        if (state.Timeouts != publishedTimeouts)
        {
            await UpdateLobby();
        }
    }

    /// <summary>A seat was taken (the seat history).</summary>
    public void Seated(Seating.Admission admission) =>
        Record(SeatHistoryEvent.SeatTaken(tableId, admission.PlayerId, admission.Seat, admission.Amount, time.GetUtcNow()));

    /// <summary>
    /// Seats were emptied: each is closed in the seat history, and its player no longer counts this table as theirs
    /// (not awaited; told again by the timer if that fails, <see cref="TellUntold"/>).
    /// </summary>
    public void Vacated(IEnumerable<Seating.Vacancy> seats)
    {
        foreach (var seat in seats)
        {
            Record(SeatHistoryEvent.SeatLeft(tableId, seat.PlayerId, seat.CashOut, seat.Reason, time.GetUtcNow()));
            _ = Tell(seat.PlayerId);
        }
    }

    /// <summary>Tells every player's grain not told yet whether they sit here (the timer, every retry interval).</summary>
    public async Task TellUntold()
    {
        foreach (var playerId in state.SeatedUntold.Keys.ToArray())
        {
            await Tell(playerId);
        }
    }

    /// <summary>
    /// Tells the player's grain whether they sit here, if it has not confirmed it yet (<see cref="TableState.SeatedUntold"/>,
    /// recorded with the seat by <see cref="Seating.Take"/> and with the emptied seat by <see cref="Seating.Vacate"/>):
    /// best effort, the timer tells it again.
    /// </summary>
    public async Task Tell(long playerId)
    {
        if (!state.SeatedUntold.TryGetValue(playerId, out var seated))
        {
            return;
        }

        var player = Player(playerId);
        if (!seated)
        {
            players.Remove(playerId);
        }

        if (await CallSafely(() => player.SetSeated(tableId, seated), seated ? "track table" : "untrack table")
            && state.SeatedUntold.TryGetValue(playerId, out var latest) && latest == seated)
        {
            state.SeatedUntold.Remove(playerId);
        }
    }

    /// <summary>Sit-and-go players out of chips stop playing (the seat history); their seats stay for their places until the end.</summary>
    public void Busted(IEnumerable<long> playerIds)
    {
        foreach (var id in playerIds)
        {
            Record(SeatHistoryEvent.SeatLeft(tableId, id, 0, SeatLeftReason.Busted, time.GetUtcNow()));
        }
    }

    /// <summary>The history is of people: robots are left out.</summary>
    private void Record(SeatHistoryEvent historyEvent)
    {
        if (!RobotStrategy.IsRobot(historyEvent.PlayerId))
        {
            history.Add(historyEvent);
        }
    }

    private async Task<bool> CallSafely(Func<Task> call, string what)
    {
        try
        {
            await call();
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Table {TableId} could not {What}", tableId, what);
            return false;
        }
    }

    private IPlayerGrain Player(long playerId)
    {
        if (!players.TryGetValue(playerId, out var player))
        {
            players[playerId] = player = grains.GetGrain<IPlayerGrain>(playerId);
        }

        return player;
    }
}
