namespace Orleans.Poker.TestSupport;

/// <summary>
/// What <see cref="LoopbackProxy"/> does to statements whose text or parameters contain every string of
/// <see cref="Contains"/>: the first <see cref="Skip"/> pass, then the fault applies (to the next one only when
/// <see cref="Once"/>).
/// </summary>
public sealed record StatementFault(FaultKind Kind, IReadOnlyList<string> Contains, int Skip = 0, bool Once = true)
{
    /// <summary>The hand-history insert of any table.</summary>
    public static StatementFault HistoryInsert(FaultKind kind, bool once = false) => new(kind, ["INSERT INTO hand_histories"], Once: once);

    /// <summary>The table journal's inserts that claim a version of one table (a move, or the claim before a whole state).</summary>
    public static StatementFault JournalWrite(FaultKind kind, string tableId, int skip = 0) => new(kind, ["INSERT INTO table_journal", tableId], skip);
}
