using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Telemetry;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// Turns a database failure inside a grain call (an Npgsql or other ADO.NET exception, which callers could not
/// deserialize) into a <see cref="StoreUnavailableException"/> that crosses the wire, after logging the original.
/// </summary>
public sealed partial class StoreFailureFilter(StorageMetrics metrics, ILogger<StoreFailureFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (ex is not StoreUnavailableException && DatabaseErrors.IsStorageFailure(ex))
        {
            // Grain storage reported its failure already (Orleans wraps it); a store's own database error is logged here.
            if (DatabaseErrors.Find(ex) is { } database)
            {
                LogStoreFailure(logger, database, context.InterfaceName, context.MethodName, context.TargetId.ToString());
            }

            metrics.GrainCallFailed();
            throw new StoreUnavailableException();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage failed in {Interface}.{Method} on {Grain}")]
    private static partial void LogStoreFailure(ILogger logger, Exception exception, string @interface, string method, string grain);
}
