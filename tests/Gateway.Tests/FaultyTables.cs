using System.Reflection;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// A grain factory over a real one whose table grains fail a gateway's subscription or renewal
/// (<see cref="ITableGrain.SubscribeFeed"/>) while <see cref="Failures"/> is above zero, each failure counting it down,
/// as a table on a silo that is gone and not yet declared dead does; every other call goes through.
/// </summary>
public sealed class FaultyTables
{
    private int failures;

    private FaultyTables(IGrainFactory grains)
    {
        var factory = DispatchProxy.Create<IGrainFactory, Proxy>();
        ((Proxy)(object)factory).Init(grains, this);
        Factory = factory;
    }

    public IGrainFactory Factory { get; }

    /// <summary>Failures still to come.</summary>
    public int Failures
    {
        get => Volatile.Read(ref failures);
        set => Volatile.Write(ref failures, value);
    }

    public static FaultyTables Over(IGrainFactory grains) => new(grains);

    /// <summary>True, counted, while failures are left.</summary>
    private bool Fail()
    {
        for (var left = Failures; left > 0; left = Failures)
        {
            if (Interlocked.CompareExchange(ref failures, left - 1, left) == left)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Forwards to the target; a table grain from the factory is wrapped, and its renewals may fail.</summary>
    public class Proxy : DispatchProxy
    {
        private object target = null!;
        private FaultyTables owner = null!;

        internal void Init(object inner, FaultyTables failing)
        {
            target = inner;
            owner = failing;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (target is ITableGrain && targetMethod!.Name == nameof(ITableGrain.SubscribeFeed) && owner.Fail())
            {
                return Task.FromException<long>(new SiloUnavailableException("The table's silo is gone"));
            }

            var result = targetMethod!.Invoke(target, args);
            if (result is ITableGrain table && target is IGrainFactory)
            {
                var wrapped = DispatchProxy.Create<ITableGrain, Proxy>();
                ((Proxy)(object)wrapped).Init(table, owner);
                return wrapped;
            }

            return result;
        }
    }
}
