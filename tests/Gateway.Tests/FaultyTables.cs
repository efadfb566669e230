using System.Reflection;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// A grain factory over a real one whose table grains fail a gateway's subscription or renewal
/// (<see cref="ITableGrain.SubscribeFeed"/>) while <see cref="Failures"/> is above zero, each failure counting it down,
/// as a table on a silo that is gone and not yet declared dead does, and whose snapshots go through <see cref="Snapshots"/>
/// when set (as a table that moves on between calls); every other call goes through.
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

    /// <summary>Rewrites the table's answer to <see cref="ITableGrain.GetSnapshot"/> for a viewer (null: as it is).</summary>
    public Func<long?, TableSnapshot, TableSnapshot>? Snapshots { get; set; }

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
            if (target is ITableGrain && targetMethod.Name == nameof(ITableGrain.GetSnapshot) && owner.Snapshots is { } rewrite)
            {
                var viewer = (long?)args![0];
                return ((Task<TableSnapshot>)result!).ContinueWith(t => rewrite(viewer, t.Result), TaskScheduler.Default);
            }

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
