using System.Collections.Concurrent;
using Orleans.Poker.Grains.Tables.Model;
using Orleans.Storage;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// The tables' version log in this process (the embedded default and tests). A table's entries before its previous
/// whole state are dropped when it claims the next one: a table that failed to store a whole state makes its moves
/// again on activation and stores a whole state at once, so nothing older is ever read again.
/// </summary>
public sealed class MemoryTableJournal : ITableJournal
{
    private readonly ConcurrentDictionary<string, Log> tables = new(StringComparer.Ordinal);

    public Task Append(string tableId, long version, TableMove? move)
    {
        var log = tables.GetOrAdd(tableId, static _ => new Log());
        lock (log)
        {
            if (!log.Entries.TryAdd(version, move))
            {
                throw new InconsistentStateException($"Version {version} of table {tableId} is stored already");
            }

            if (move is null)
            {
                while (log.Entries.Count > 0 && log.Entries.Keys[0] < log.LastWhole)
                {
                    log.Entries.RemoveAt(0);
                }

                log.LastWhole = version;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JournalEntry>> Read(string tableId, long version)
    {
        if (!tables.TryGetValue(tableId, out var log))
        {
            return Task.FromResult<IReadOnlyList<JournalEntry>>([]);
        }

        lock (log)
        {
            return Task.FromResult<IReadOnlyList<JournalEntry>>(
                [.. log.Entries.Where(e => e.Key > version).Select(e => new JournalEntry(e.Key, e.Value))]);
        }
    }

    private sealed class Log
    {
        public SortedList<long, TableMove?> Entries { get; } = [];

        public long LastWhole { get; set; }
    }
}
