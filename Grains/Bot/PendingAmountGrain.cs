using Orleans.Poker.Grains.Interfaces.Bot;

namespace Orleans.Poker.Grains.Bot;

/// <summary>The custom amount a player was asked to type (see <see cref="IPendingAmountGrain"/>), in memory.</summary>
public sealed class PendingAmountGrain : Grain, IPendingAmountGrain
{
    private PendingAmount? asked;

    public Task Ask(PendingAmount amount)
    {
        asked = amount;
        return Task.CompletedTask;
    }

    public Task<PendingAmount?> Take()
    {
        var taken = asked;
        asked = null;
        return Task.FromResult(taken);
    }
}
