using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

public sealed class MemoryStoreTests : StoreContractTests
{
    private static readonly MemoryHandHistoryStore Hands = new();

    protected override StoreSet Stores { get; } =
        new(new MemoryLedgerStore(), Hands, new MemoryPlayerStore(), new MemoryTableRecordStore(), new MemoryAuditStore(), new MemoryAnalyticsStore(Hands), new MemorySeatHistoryStore());
}
