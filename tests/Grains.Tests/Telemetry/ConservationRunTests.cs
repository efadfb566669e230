using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Poker.Grains.Tests.Tables;

namespace Orleans.Poker.Grains.Tests.Telemetry;

[Collection(ClusterCollection.Name)]
public sealed class ConservationRunTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task A_thousand_hands_of_raises_all_ins_and_folds_never_violate_chip_conservation()
    {
        using var meter = new MeterCapture(fixture.SiloServices.GetRequiredService<GameMetrics>().Meter);
        var table = await kit.NewTable(TableKit.RakedFourMax(rakePercent: 5, rakeCap: 3));
        var tableId = table.GetPrimaryKeyString();
        var players = await kit.Seat(table, 4, buyIn: 200);
        var random = new Random(20261202);
        var finished = 0.0;

        // A step acts or lets a second pass; under a loaded machine many land on a turn the timers already moved on
        // (refused, nothing changed), so the budget is generous: the test is about conservation, not speed (80,000
        // steps once ended at 922 hands).
        for (var step = 0; step < 250_000 && (finished = meter.Sum("poker.hands.finished")) < 1000; step++)
        {
            if (await kit.TryActor(table) is var (player, mine, turn))
            {
                await RandomPlay.Refusable(() => table.Act(player, turn, RandomPlay.MostlyCalls(random, mine.Legal!), kit.NextSeq()));
                continue;
            }

            // Between hands: busted players buy chips again and sit back in; then the next hand starts at once.
            await kit.RefillBusted(table, 200);
            kit.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(finished >= 1000, $"only {finished} hands finished");
        Assert.Equal(0, meter.Sum("poker.chips.conservation.violations"));
        Assert.Equal(finished, meter.Sum("poker.hands.finished", "variant", "NT"));
        Assert.True(meter.Sum("poker.table.actions.accepted") > finished, "the hands were played with actions");
        // Each hand ends once: by a player's action (timed apart, as hand_end) or by the table itself.
        var endedByAction = meter.Tags("poker.table.action.duration").Count(tags => tags.Any(t => t.Key == "hand_end" && Equals(t.Value, "true")));
        Assert.InRange(endedByAction, 1, finished);
        Assert.True(await Rake(tableId) > 0, "rake was taken");
        Assert.Equal(4, players.Length);
    }

    private async Task<long> Rake(string tableId) =>
        (await fixture.Hands.GetTableHandsAsync(tableId, 0, 10_000)).Sum(h => h.Rake);
}
