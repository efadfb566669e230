using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>
/// A sampling allocation profile (<c>--profile</c>): the runtime's GC AllocationTick events (one per ~100 KB
/// allocated) summed by type, so the top lines say which types make up the allocations per action.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const int AllocationTick = 10;
    private readonly ConcurrentDictionary<string, long> bytesByType = new();

    public void Print(int top)
    {
        var total = bytesByType.Values.Sum();
        foreach (var (type, bytes) in bytesByType.OrderByDescending(p => p.Value).Take(top))
        {
            Figure.Note($"alloc {100.0 * bytes / Math.Max(1, total),5:0.0}% {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTick || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a]) : 100_000;
        bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
