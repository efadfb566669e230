using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>The stores of one implementation (memory or PostgreSQL).</summary>
public sealed record StoreSet(ILedgerStore Ledger, IHandHistoryStore Hands, IPlayerStore Players, ITableRecordStore Tables, IAuditStore Audit, IAnalyticsStore Analytics, IInsightStore Insights, ISeatHistoryStore SeatHistory);
