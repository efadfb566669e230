using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// <see cref="LedgerKind"/> as the <c>ledger_transactions.kind</c> text.
/// </summary>
internal static class LedgerKindColumn
{
    /// <summary>Kinds that bring chips into the room.</summary>
    public static readonly LedgerKind[] Issuing = [LedgerKind.Grant, LedgerKind.TopUp, LedgerKind.AdminAdjustment];

    /// <summary>Kinds that move chips between a balance and a table (rake: table → house).</summary>
    public static readonly LedgerKind[] Table = [LedgerKind.BuyIn, LedgerKind.CashOut, LedgerKind.Prize, LedgerKind.Rake];

    public static string[] Names(IEnumerable<LedgerKind> kinds) => [.. kinds.Select(k => ToColumns(k, null).Kind)];

    public static (string Kind, string? Reason) ToColumns(LedgerKind kind, string? note) => kind switch
    {
        LedgerKind.Grant => ("grant", note),
        LedgerKind.BuyIn => ("buy_in", note),
        LedgerKind.CashOut => ("cash_out", note),
        LedgerKind.AdminAdjustment => ("admin_adjustment", note),
        LedgerKind.TopUp => ("top_up", note),
        LedgerKind.Prize => ("prize", note),
        LedgerKind.Rake => ("rake", note),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger kind."),
    };

    public static (LedgerKind Kind, string? Note) FromColumns(string kind, string? reason) => kind switch
    {
        "grant" => (LedgerKind.Grant, reason),
        "buy_in" => (LedgerKind.BuyIn, reason),
        "prize" => (LedgerKind.Prize, reason),
        "cash_out" => (LedgerKind.CashOut, reason),
        "admin_adjustment" => (LedgerKind.AdminAdjustment, reason),
        "top_up" => (LedgerKind.TopUp, reason),
        "rake" => (LedgerKind.Rake, reason),
        _ => throw new InvalidOperationException($"Ledger kind '{kind}' has no LedgerKind."),
    };
}
