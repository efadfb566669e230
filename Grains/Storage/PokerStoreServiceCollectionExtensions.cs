using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Telemetry;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Registers the stores the grains write beside their grain state.</summary>
public static class PokerStoreServiceCollectionExtensions
{
    /// <summary>
    /// In-memory stores when <paramref name="postgresConnectionString"/> is null or empty (the embedded default and
    /// tests), else an <see cref="NpgsqlDataSource"/> and the PostgreSQL stores over the migrated schema.
    /// Services registered before this call win (TryAdd). A database failure in any grain call reaches the caller as
    /// a <see cref="Interfaces.Common.StoreUnavailableException"/>. The game's and storage's meters
    /// (<see cref="GameMetrics"/>, <see cref="StorageMetrics"/>) and the insight webhook's client are registered here too: every silo calls this. So is the
    /// silo's seat and waitlist history writer (<see cref="SeatHistoryWriter"/>, a hosted service the tables queue to).
    /// </summary>
    public static IServiceCollection AddPokerStores(this IServiceCollection services, string? postgresConnectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddSingleton<GameMetrics>();
        services.TryAddSingleton<StorageMetrics>();
        services.TryAddSingleton<Analytics.InsightWebhook>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIncomingGrainCallFilter, StoreFailureFilter>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SeatHistoryWriter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SeatHistoryWriter>(sp => sp.GetRequiredService<SeatHistoryWriter>()));
        if (string.IsNullOrWhiteSpace(postgresConnectionString))
        {
            services.TryAddSingleton<ILedgerStore, MemoryLedgerStore>();
            services.TryAddSingleton<IHandHistoryStore, MemoryHandHistoryStore>();
            services.TryAddSingleton<IPlayerStore, MemoryPlayerStore>();
            services.TryAddSingleton<ITableRecordStore, MemoryTableRecordStore>();
            services.TryAddSingleton<IAuditStore, MemoryAuditStore>();
            services.TryAddSingleton<IAnalyticsStore>(sp => new MemoryAnalyticsStore(
                sp.GetRequiredService<IHandHistoryStore>() as MemoryHandHistoryStore, sp.GetRequiredService<ITableRecordStore>() as MemoryTableRecordStore));
            services.TryAddSingleton<IInsightStore, MemoryInsightStore>();
            services.TryAddSingleton<ISeatHistoryStore, MemorySeatHistoryStore>();
            services.TryAddSingleton<ITableJournal, MemoryTableJournal>();
            services.TryAddSingleton<ILobbyStore, MemoryLobbyStore>();
            return services;
        }

        services.TryAddSingleton(_ => NpgsqlDataSource.Create(PostgresPool.WithDefaults(postgresConnectionString)));
        services.TryAddSingleton<ILedgerStore, NpgsqlLedgerStore>();
        services.TryAddSingleton<IHandHistoryStore, NpgsqlHandHistoryStore>();
        services.TryAddSingleton<IPlayerStore, NpgsqlPlayerStore>();
        services.TryAddSingleton<ITableRecordStore, NpgsqlTableRecordStore>();
        services.TryAddSingleton<IAuditStore, NpgsqlAuditStore>();
        services.TryAddSingleton<IAnalyticsStore, NpgsqlAnalyticsStore>();
        services.TryAddSingleton<IInsightStore, NpgsqlInsightStore>();
        services.TryAddSingleton<ISeatHistoryStore, NpgsqlSeatHistoryStore>();
        services.TryAddSingleton<ITableJournal, NpgsqlTableJournal>();
        services.TryAddSingleton<ILobbyStore, NpgsqlLobbyStore>();
        return services;
    }
}
