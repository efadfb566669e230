using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tests.Tables;

/// <summary>The time bank at a running table: the rules are <c>TimeBank</c>'s (its own tests); here the clock spends it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TimeBankTableTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task A_player_out_of_turn_time_gets_the_bank_shown_to_everyone_then_times_out()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { TimeBank = TimeSpan.FromSeconds(30) }));
        await kit.Seat(table, 2);
        var dealt = (await kit.StartNextHand(table)).View;
        var actorSeat = dealt.ActorSeat!.Value;
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));

        kit.Time.Advance(TimeSpan.FromSeconds(20));
        var banked = await observer.WaitFor(e => e.Kind == TableEventKind.TimeBank);
        kit.Time.Advance(TimeSpan.FromSeconds(30));
        var timedOut = await observer.WaitFor(e => e.Kind == TableEventKind.Action);

        Assert.Equal(30, dealt.Seats[actorSeat].TimeBankSeconds);
        Assert.True(banked.View.OnTimeBank);
        Assert.Equal(actorSeat, banked.View.ActorSeat);
        Assert.Equal(banked.View.TurnId, dealt.TurnId); // the same turn, on more time
        Assert.Equal(kit.Time.GetUtcNow(), banked.View.Deadline);
        Assert.EndsWith("uses the time bank (30 s)", banked.Description, StringComparison.Ordinal);
        Assert.Contains("timed out", timedOut.Description, StringComparison.Ordinal);
        Assert.False(timedOut.View.OnTimeBank);
        Assert.Equal(0, timedOut.View.Seats[actorSeat].TimeBankSeconds);
    }
}
