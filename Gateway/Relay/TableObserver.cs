using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>The grain observer one gateway process subscribes per watched table; hands events to its feed.</summary>
internal sealed class TableObserver(TableFeed feed) : ITableFeedObserver
{
    public Task OnTableFeed(TableFeedEvent feedEvent)
    {
        feed.Post(feedEvent, System.Diagnostics.Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }
}
