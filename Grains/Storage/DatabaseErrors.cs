using System.Data.Common;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Telemetry;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Finds the database failure behind an exception (an Npgsql or other ADO.NET one, at any depth).</summary>
internal static partial class DatabaseErrors
{
    /// <summary>True when a storage failure, already reported or not, is behind <paramref name="exception"/>.</summary>
    public static bool IsStorageFailure(Exception? exception) =>
        Find(exception) is not null || Interfaces.Common.StoreUnavailableException.IsBehind(exception);

    public static DbException? Find(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException database)
            {
                return database;
            }
        }

        return null;
    }

    /// <summary>
    /// A store's database failure where no grain call filter sees it (the store is read or written while a grain
    /// activates): logged with the original, counted, and returned as the <see cref="StoreUnavailableException"/> to throw.
    /// </summary>
    public static StoreUnavailableException Unavailable(ILogger logger, StorageMetrics metrics, Exception database, string store, string operation)
    {
        LogUnavailable(logger, database, store, operation);
        metrics.GrainStorageFailed(operation);
        return new StoreUnavailableException();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Store} could not {Operation}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string store, string operation);
}
