using System.Reflection;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// A grain factory over a real one whose lobby partitions fail to give their list (<see cref="ILobbyGrain.List"/>)
/// with a given exception (a <see cref="SiloUnavailableException"/>: partitions on a silo that is gone); every other
/// call goes through.
/// </summary>
public class FailingLobby : DispatchProxy
{
    private object target = null!;
    private Exception failure = null!;

    public static IGrainFactory Over(IGrainFactory grains, Exception failure) => Wrap(grains, failure);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (target is ILobbyGrain && targetMethod!.Name == nameof(ILobbyGrain.List))
        {
            return Task.FromException<IReadOnlyList<TableSummary>>(failure);
        }

        var result = targetMethod!.Invoke(target, args);
        return result is ILobbyGrain lobby && target is IGrainFactory ? Wrap(lobby, failure) : result;
    }

    private static T Wrap<T>(T inner, Exception failure)
        where T : class
    {
        var proxy = Create<T, FailingLobby>();
        ((FailingLobby)(object)proxy).target = inner;
        ((FailingLobby)(object)proxy).failure = failure;
        return proxy;
    }
}
