using Orleans.Concurrency;

using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Interfaces.Lobby;

/// <summary>Receives lobby changes (gateways). Subscriptions expire: re-subscribe.</summary>
public interface ILobbyObserver : IGrainObserver
{
    /// <summary>A table was created or changed (seats, status, waitlist).</summary>
    [OneWay]
    Task OnTableUpdated(TableSummary table);

    /// <summary>A table ended or became unlisted.</summary>
    [OneWay]
    Task OnTableRemoved(string tableId);
}
