using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Auth;

/// <summary>
/// This gateway's subscription to ban notices (<see cref="IBansGrain"/>), renewed every
/// <see cref="GatewaySettings.ResubscribeInterval"/>: a player banned anywhere has their hub connections here closed
/// before the ban answers the admin (<see cref="HubGuardFilter.CloseBanned"/>).
/// </summary>
public sealed partial class BanWatch(IGrainFactory grains, HubGuardFilter guard, PokerOptions options, TimeProvider time, ILogger<BanWatch> logger)
    : BackgroundService, IBanObserver
{
    private IBanObserver? reference;

    public Task OnBanned(long playerId)
    {
        guard.CloseBanned(playerId);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        reference = grains.CreateObjectReference<IBanObserver>(this);
        using var timer = new PeriodicTimer(options.Gateway.ResubscribeInterval, time);
        try
        {
            do
            {
                try
                {
                    await Bans.Subscribe(reference);
                }
                catch (Exception ex)
                {
                    // The connections still ask for their player's ban once per interval meanwhile.
                    LogSubscribeFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (reference is null)
        {
            return;
        }

        try
        {
            await Bans.Unsubscribe(reference).WaitAsync(cancellationToken);
            grains.DeleteObjectReference<IBanObserver>(reference);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The process is stopping anyway: the subscription expires on its own, and a co-hosted silo may have
            // released the reference first.
            LogUnsubscribeFailed(logger, ex);
        }
    }

    private IBansGrain Bans => grains.GetGrain<IBansGrain>(IBansGrain.Key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This gateway could not subscribe to ban notices; its hub connections check bans once per renewal interval")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "This gateway's ban-notice subscription was not removed while stopping")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);
}
