using System.Collections.Concurrent;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// Puts grain calls of different callers in a chosen order: an outgoing call filter of every test silo
/// (<see cref="TestSilo.AddTestGrains"/>) that stops the next call of a method made by one grain until the test
/// opens its <see cref="CallGate"/>, or only notes that it went out. A gate matches one caller, so tests sharing a
/// silo never meet each other's gates.
/// </summary>
public static class CallGates
{
    private static readonly ConcurrentDictionary<CallGate, byte> Armed = new();

    public static ISiloBuilder AddCallGates(this ISiloBuilder silo) => silo.AddOutgoingGrainCallFilter(Filter);

    /// <summary>Stops the next call of <paramref name="method"/> made by the grain <paramref name="caller"/> until <see cref="CallGate.Open"/>.</summary>
    public static CallGate Hold(string method, IAddressable caller) => Arm(new CallGate(method, caller.GetGrainId(), holds: true));

    /// <summary>Notes the next call of <paramref name="method"/> made by the grain <paramref name="caller"/> and lets it go.</summary>
    public static CallGate Watch(string method, IAddressable caller) => Arm(new CallGate(method, caller.GetGrainId(), holds: false));

    private static CallGate Arm(CallGate gate)
    {
        Armed[gate] = 0;
        return gate;
    }

    private static async Task Filter(IOutgoingGrainCallContext context)
    {
        foreach (var gate in Armed.Keys)
        {
            if (gate.Matches(context) && Armed.TryRemove(gate, out _))
            {
                await gate.Pass();
                break;
            }
        }

        await context.Invoke();
    }
}

/// <summary>One call stopped (or noted) by <see cref="CallGates"/>.</summary>
public sealed class CallGate
{
    private readonly string method;
    private readonly GrainId caller;
    private readonly bool holds;
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal CallGate(string method, GrainId caller, bool holds)
    {
        this.method = method;
        this.caller = caller;
        this.holds = holds;
    }

    /// <summary>Completes when the call reached the gate (a held one waits there).</summary>
    public Task Reached => reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Lets a held call go.</summary>
    public void Open() => opened.TrySetResult();

    internal bool Matches(IOutgoingGrainCallContext context) => context.MethodName == method && context.SourceId == caller;

    internal async Task Pass()
    {
        reached.TrySetResult();
        if (holds)
        {
            await opened.Task;
        }
    }
}
