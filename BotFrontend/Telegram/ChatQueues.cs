using Microsoft.Extensions.Logging;

namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>
/// One sequential queue per chat: updates of one chat are handled in order, different chats run concurrently, so a
/// slow handler only delays its own chat. Idle chats hold no memory.
/// </summary>
internal sealed class ChatQueues(BotMetrics metrics, ILogger<ChatQueues> logger)
{
    private readonly Dictionary<long, Task> tails = [];
    private readonly Dictionary<long, int> depths = [];
    private bool gaugeAdded;
    private readonly Lock gate = new();
    private int pending;

    /// <summary>Work queued or running.</summary>
    public int Pending => Volatile.Read(ref pending);

    /// <summary>Completes when everything queued so far for <paramref name="chatId"/> has been handled.</summary>
    public Task Idle(long chatId)
    {
        lock (gate)
        {
            return tails.GetValueOrDefault(chatId) ?? Task.CompletedTask;
        }
    }

    public void Enqueue(long chatId, Func<Task> work)
    {
        Interlocked.Increment(ref pending);
        Task next;
        lock (gate)
        {
            if (!gaugeAdded)
            {
                gaugeAdded = true;
                metrics.ObservePending(() => Pending);
            }

            var depth = depths.GetValueOrDefault(chatId);
            metrics.Queued(depth);
            depths[chatId] = depth + 1;
            var previous = tails.GetValueOrDefault(chatId) ?? Task.CompletedTask;
            next = Task.Run(() => Run(previous, work));
            tails[chatId] = next;
        }

        next.ContinueWith(
            done =>
            {
                lock (gate)
                {
                    if (tails.TryGetValue(chatId, out var tail) && tail == done)
                    {
                        tails.Remove(chatId);
                    }

                    if (depths.TryGetValue(chatId, out var depth) && depth > 1)
                    {
                        depths[chatId] = depth - 1;
                    }
                    else
                    {
                        depths.Remove(chatId);
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task Run(Task previous, Func<Task> work)
    {
        await previous.ConfigureAwait(false);
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // One failed update must not stop the chat's queue.
            logger.LogError(e, "Handling an update failed");
        }
        finally
        {
            Interlocked.Decrement(ref pending);
        }
    }
}
