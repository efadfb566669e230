using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Storage;

/// <summary>One stored version of a table: a move (<see cref="Move"/>), or null when the version is a whole state written to grain storage.</summary>
public readonly record struct JournalEntry(long Version, TableMove? Move);

/// <summary>
/// The tables' version log. Every version a table stores claims its row here first: a move in the hand in play is
/// stored as just that (a few bytes; the table's state is not written), any other change as a marker followed by the
/// whole state in grain storage. A table loaded from grain storage at version <c>S</c> makes again the moves after
/// <c>S</c> (<see cref="Read"/>). A version can be claimed once: an activation that is not the table's latest (a silo
/// declared dead that still runs, say) fails its next write instead of acknowledging a change nobody would load.
/// </summary>
public interface ITableJournal
{
    /// <summary>
    /// Claims <paramref name="version"/> of <paramref name="tableId"/>, durable when the task completes; throws
    /// <see cref="Orleans.Storage.InconsistentStateException"/> when the version is taken.
    /// </summary>
    Task Append(string tableId, long version, TableMove? move);

    /// <summary>The table's entries after <paramref name="version"/>, in order.</summary>
    Task<IReadOnlyList<JournalEntry>> Read(string tableId, long version);
}
