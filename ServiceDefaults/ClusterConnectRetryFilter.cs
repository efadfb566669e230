using Microsoft.Extensions.Logging;

namespace Orleans.Poker.ServiceDefaults;

/// <summary>
/// Keeps a cluster client (gateway, bot) trying to connect at start-up, once a second, until
/// <c>POKER__Cluster__ConnectTimeout</c> has passed since the first failure: a client started beside a silo that
/// has not yet joined, or while Redis restarts, waits for it instead of exiting.
/// </summary>
public sealed partial class ClusterConnectRetryFilter(TimeSpan timeout, TimeProvider time, ILogger<ClusterConnectRetryFilter> logger)
    : IClientConnectionRetryFilter
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private long? firstFailure;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        firstFailure ??= time.GetTimestamp();
        var waited = time.GetElapsedTime(firstFailure.Value);
        if (cancellationToken.IsCancellationRequested)
        {
            // The process is stopping: nothing went wrong.
            LogStopped(logger, waited.TotalSeconds);
            return false;
        }

        if (waited >= timeout)
        {
            LogGaveUp(logger, waited.TotalSeconds, exception.Message);
            return false;
        }

        LogRetrying(logger, exception.Message, waited.TotalSeconds, timeout.TotalSeconds);
        try
        {
            await Task.Delay(RetryDelay, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogStopped(logger, time.GetElapsedTime(firstFailure.Value).TotalSeconds);
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster not reachable yet ({Reason}); retrying, {WaitedSeconds:0} s of {TimeoutSeconds:0} s waited")]
    private static partial void LogRetrying(ILogger logger, string reason, double waitedSeconds, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped waiting for the cluster after {WaitedSeconds:0} s: the process is stopping")]
    private static partial void LogStopped(ILogger logger, double waitedSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cluster not reachable after {WaitedSeconds:0} s ({Reason}); giving up")]
    private static partial void LogGaveUp(ILogger logger, double waitedSeconds, string reason);
}
