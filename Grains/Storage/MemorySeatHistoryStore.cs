using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Storage;

/// <summary>The seat and waitlist history in process memory: the embedded default and the tests. Same rules as PostgreSQL's.</summary>
public sealed class MemorySeatHistoryStore : ISeatHistoryStore
{
    private readonly Lock _gate = new();
    private readonly List<SeatHistoryRow> _seats = [];
    private readonly List<WaitlistHistoryRow> _waits = [];

    public Task ApplyAsync(IReadOnlyList<SeatHistoryEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            foreach (var e in events)
            {
                Apply(e);
            }
        }

        return Task.CompletedTask;
    }

    public Task<TableHistory> GetTableHistoryAsync(string tableId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(new TableHistory(
                _seats.Where(s => s.TableId == tableId).OrderBy(s => s.SatAt).ToList(),
                _waits.Where(w => w.TableId == tableId).OrderBy(w => w.JoinedAt).ToList()));
        }
    }

    public Task<WaitReport> GetWaitsAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(WaitStatsCalculator.Compute(_seats, _waits, from, to, tableId));
        }
    }

    private void Apply(SeatHistoryEvent e)
    {
        switch (e.Kind)
        {
            case SeatHistoryKind.SeatTaken:
                Close(_seats, s => s.TableId == e.TableId && s.LeftAt is null && (s.Seat == e.Seat || s.PlayerId == e.PlayerId) && s.SatAt < e.At,
                    s => s with { LeftAt = e.At, Reason = SeatLeftReason.Unknown });
                if (!_seats.Exists(s => s.TableId == e.TableId && s.PlayerId == e.PlayerId && s.SatAt == e.At))
                {
                    _seats.Add(new SeatHistoryRow(e.TableId, e.Seat, e.PlayerId, e.Amount, e.At, null, null, null));
                }

                break;
            case SeatHistoryKind.SeatLeft:
                Close(_seats, s => s.TableId == e.TableId && s.PlayerId == e.PlayerId && s.LeftAt is null && s.SatAt <= e.At,
                    s => s with { LeftAt = e.At, CashOut = e.Amount, Reason = e.Reason });
                break;
            case SeatHistoryKind.WaitlistJoined:
                Close(_waits, w => w.TableId == e.TableId && w.PlayerId == e.PlayerId && w.LeftAt is null && w.JoinedAt < e.At,
                    w => w with { LeftAt = e.At, Outcome = WaitlistOutcome.Unknown });
                if (!_waits.Exists(w => w.TableId == e.TableId && w.PlayerId == e.PlayerId && w.JoinedAt == e.At))
                {
                    _waits.Add(new WaitlistHistoryRow(e.TableId, e.PlayerId, e.At, null, null));
                }

                break;
            case SeatHistoryKind.WaitlistEnded:
                Close(_waits, w => w.TableId == e.TableId && w.PlayerId == e.PlayerId && w.LeftAt is null && w.JoinedAt <= e.At,
                    w => w with { LeftAt = e.At, Outcome = e.Outcome });
                break;
            case SeatHistoryKind.WaitlistClosed:
                Close(_waits, w => w.TableId == e.TableId && w.LeftAt is null && w.JoinedAt <= e.At,
                    w => w with { LeftAt = e.At, Outcome = WaitlistOutcome.TableClosed });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "unknown history event");
        }
    }

    private static void Close<T>(List<T> rows, Predicate<T> open, Func<T, T> closed)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (open(rows[i]))
            {
                rows[i] = closed(rows[i]);
            }
        }
    }
}
