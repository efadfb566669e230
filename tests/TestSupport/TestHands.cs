using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.TestSupport;

/// <summary>Moves a test silo's clock (a <see cref="FakeTimeProvider"/>) for a table.</summary>
public static class TestHands
{
    /// <summary>
    /// Lets the pause between hands pass, a second at a time (at most 50), until <paramref name="table"/> deals a hand
    /// with someone to act.
    /// </summary>
    public static async Task<TableSnapshot> StartNext(ITableGrain table, FakeTimeProvider time)
    {
        var before = (await table.GetSnapshot(null)).View.HandNo;
        for (var i = 0; i < 50; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var snapshot = await table.GetSnapshot(null);
            if (snapshot.View.HandNo > before && snapshot.View.ActorSeat is not null)
            {
                return snapshot;
            }

            await Task.Yield();
        }

        throw new Xunit.Sdk.XunitException("no hand started");
    }
}
