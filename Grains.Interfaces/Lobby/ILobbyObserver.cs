using Orleans.Concurrency;

using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Interfaces.Lobby;

/// <summary>Receives lobby changes (gateways). Subscriptions expire: re-subscribe.</summary>
[Alias("poker.lobby-observer")]
public interface ILobbyObserver : IGrainObserver
{
    /// <summary>A table was created or changed (seats, status, waitlist).</summary>
    [Alias("OnTableUpdated")]
    [OneWay]
    Task OnTableUpdated(TableSummary table);

    /// <summary>A table ended or became unlisted.</summary>
    [Alias("OnTableRemoved")]
    [OneWay]
    Task OnTableRemoved(string tableId);
}
