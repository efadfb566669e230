using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

public sealed class MemoryStoreTests : StoreContractTests
{
    private static readonly MemoryTableRecordStore Tables = new();
    private static readonly MemoryHandHistoryStore Hands = new(Tables);

    protected override StoreSet Stores { get; } =
        new(new MemoryLedgerStore(), Hands, new MemoryPlayerStore(), Tables, new MemoryAuditStore(), new MemoryAnalyticsStore(Hands, Tables), new MemoryInsightStore(), new MemorySeatHistoryStore());
}
