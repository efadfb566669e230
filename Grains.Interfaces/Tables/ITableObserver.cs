namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>Receives a table's events (gateways and the bot front end). Subscriptions expire: re-subscribe.</summary>
public interface ITableObserver : IGrainObserver
{
    /// <summary>One table event, in <see cref="TableEvent.EventSeq"/> order.</summary>
    Task OnTableEvent(TableEvent tableEvent);
}
