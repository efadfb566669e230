using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Telemetry;

/// <summary>
/// The game's figures in this silo (meter <see cref="MeterName"/>): what tables accept and refuse, how long an action
/// takes in the table grain, hands by variant, chip-conservation violations; and, as observable gauges, the tables
/// activated in this silo by status with their seated and waitlisted players. Every open table is activated somewhere
/// (its watchdog reminder wakes it every minute), so the sum over silos is the room's; a scrape reads a dictionary
/// here and never calls a grain.
/// </summary>
public sealed class GameMetrics : IDisposable
{
    public const string MeterName = "Orleans.Poker.Game";

    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> accepted;
    private readonly Counter<long> refused;
    private readonly Counter<long> replayed;
    private readonly Counter<long> automatic;
    private readonly Histogram<double> duration;
    private readonly Counter<long> handsStarted;
    private readonly Counter<long> handsFinished;
    private readonly Counter<long> robotHands;
    private readonly Counter<long> violations;
    private readonly ConcurrentDictionary<string, TableGauge> tables = new(StringComparer.Ordinal);

    public GameMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        accepted = Meter.CreateCounter<long>("poker.table.actions.accepted", "{action}", "Player actions a table accepted (a retried clientSeq is not counted again)");
        refused = Meter.CreateCounter<long>("poker.table.actions.refused", "{action}", "Player actions a table refused, by reason (the refusal code: stale_action, cannot_check, not_your_turn...)");
        replayed = Meter.CreateCounter<long>("poker.table.actions.replayed", "{action}", "Retried actions answered with the first answer (same clientSeq)");
        automatic = Meter.CreateCounter<long>("poker.table.actions.automatic", "{action}", "Actions a table took itself, by kind: robot, timeout");
        duration = Meter.CreateHistogram(
            "poker.table.action.duration",
            "s",
            "Time an action call spends in the table grain (checks, engine, persisting, emitting; settling when it ends the hand), by outcome and hand_end (the action ended its hand)",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        handsStarted = Meter.CreateCounter<long>("poker.hands.started", "{hand}", "Hands dealt, by variant");
        handsFinished = Meter.CreateCounter<long>("poker.hands.finished", "{hand}", "Hands settled, by variant");
        robotHands = Meter.CreateCounter<long>("poker.hands.robot", "{hand}", "Hands dealt with at least one robot in them, by variant");
        violations = Meter.CreateCounter<long>("poker.chips.conservation.violations", "{hand}", "Hands whose chips at the table plus rake differ from the chips before the hand");
        Meter.CreateObservableGauge("poker.tables", CountTables, "{table}", "Open tables activated in this silo, by status (waiting, active, paused)");
        Meter.CreateObservableGauge("poker.players.seated", CountSeated, "{player}", "Players seated at the open tables of this silo, by kind (human, robot)");
        Meter.CreateObservableGauge("poker.players.waitlisted", CountWaitlisted, "{player}", "Players queued on the waitlists of the open tables of this silo");
    }

    /// <summary>The meter (tests tell this silo's measurements from another's by it).</summary>
    public Meter Meter { get; }

    public void ActionAccepted() => accepted.Add(1);

    public void ActionReplayed() => replayed.Add(1);

    public void AutomaticAction(bool robot) => automatic.Add(1, new KeyValuePair<string, object?>("kind", robot ? "robot" : "timeout"));

    /// <summary>
    /// Runs a player's action call and records its duration by outcome: accepted (a replayed answer too), refused (a
    /// <see cref="PokerException"/>, also counted by its code and rethrown) or failed (any other exception, rethrown);
    /// and by <c>hand_end</c>: whether the accepted action ended its hand (the action says so with its answer), which
    /// then also waited for the settlement, the hand's history and records, so that a plain action's time can be read
    /// apart.
    /// </summary>
    public async Task<T> MeasureAction<T>(Func<Task<(T Result, bool EndedHand)>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        var ended = false;
        try
        {
            (var result, ended) = await action();
            outcome = "accepted";
            return result;
        }
        catch (PokerException refusal)
        {
            ActionRefused(refusal.Code);
            outcome = "refused";
            throw;
        }
        finally
        {
            if (duration.Enabled)
            {
                duration.Record(
                    Stopwatch.GetElapsedTime(started).TotalSeconds,
                    new KeyValuePair<string, object?>("outcome", outcome),
                    new KeyValuePair<string, object?>("hand_end", ended ? "true" : "false"));
            }
        }
    }

    public void HandStarted(string variant, bool withRobots)
    {
        var tag = new KeyValuePair<string, object?>("variant", variant);
        handsStarted.Add(1, tag);
        if (withRobots)
        {
            robotHands.Add(1, tag);
        }
    }

    public void HandFinished(string variant) => handsFinished.Add(1, new KeyValuePair<string, object?>("variant", variant));

    public void ConservationViolated(string variant) => violations.Add(1, new KeyValuePair<string, object?>("variant", variant));

    /// <summary>Starts counting a table activated in this silo; <see cref="Untrack"/> on deactivation.</summary>
    public TableGauge Track(string tableId)
    {
        var gauge = new TableGauge();
        tables[tableId] = gauge;
        return gauge;
    }

    public void Untrack(string tableId, TableGauge gauge) => tables.TryRemove(new KeyValuePair<string, TableGauge>(tableId, gauge));

    /// <summary>The open tables activated in this silo now (<see cref="Tables.TableHandOver"/> moves them when it stops).</summary>
    public IReadOnlyList<string> OpenTables() => [.. tables.Where(t => t.Value.IsOpen).Select(t => t.Key)];

    public void Dispose() => Meter.Dispose();

    private void ActionRefused(string code) => refused.Add(1, new KeyValuePair<string, object?>("reason", code));

    private IEnumerable<Measurement<int>> CountTables()
    {
        int waiting = 0, active = 0, paused = 0;
        foreach (var gauge in tables.Values)
        {
            switch (gauge.Status)
            {
                case TableStatus.Waiting:
                    waiting++;
                    break;
                case TableStatus.Active:
                    active++;
                    break;
                case TableStatus.Paused:
                    paused++;
                    break;
            }
        }

        return
        [
            new(waiting, new KeyValuePair<string, object?>("status", "waiting")),
            new(active, new KeyValuePair<string, object?>("status", "active")),
            new(paused, new KeyValuePair<string, object?>("status", "paused")),
        ];
    }

    private IEnumerable<Measurement<int>> CountSeated()
    {
        int humans = 0, robots = 0;
        foreach (var gauge in tables.Values)
        {
            if (gauge.IsOpen)
            {
                humans += gauge.Humans;
                robots += gauge.Robots;
            }
        }

        return
        [
            new(humans, new KeyValuePair<string, object?>("kind", "human")),
            new(robots, new KeyValuePair<string, object?>("kind", "robot")),
        ];
    }

    private int CountWaitlisted()
    {
        var waitlisted = 0;
        foreach (var gauge in tables.Values)
        {
            if (gauge.IsOpen)
            {
                waitlisted += gauge.Waitlisted;
            }
        }

        return waitlisted;
    }
}
