using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

public sealed class MemoryStoreTests : StoreContractTests
{
    protected override StoreSet Stores { get; } =
        new(new MemoryLedgerStore(), new MemoryHandHistoryStore(), new MemoryPlayerStore(), new MemoryTableRecordStore(), new MemoryAuditStore());
}
