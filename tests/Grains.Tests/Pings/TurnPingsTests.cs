using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Grains.Interfaces.Pings;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Pings;

namespace Orleans.Poker.Grains.Tests.Pings;

/// <summary>Who is pinged for a turn and when (<see cref="TurnPings"/>), and the presence leases (<see cref="TablePresence"/>), without a silo.</summary>
public sealed class TurnPingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    private static readonly PlayerProfile Started = new() { PlayerId = 42, TelegramId = 42, DisplayName = "Ann", Language = "fa", BotChat = true };

    private static readonly PlayerSettings On = new(TurnPings: true);

    private static TurnNotice Turn(long seq, long playerId = 42, long handNo = 3, DateTimeOffset? deadline = null) =>
        new("t1", "Table 1", seq, new TurnRef(handNo, seq), playerId, deadline ?? Now.AddSeconds(20), new LegalActions { CanFold = true, CallAmount = 2 });

    [Fact]
    public void A_turn_is_pinged_once_and_reported_passed_when_the_table_moves_on()
    {
        var pings = new TurnPings();
        var first = Turn(7);

        var step = pings.Notice(first, present: false, Now);
        var ping = pings.Decide(first, Started, On, Now);
        var repeated = pings.Notice(first, present: false, Now);
        var older = pings.Notice(Turn(6), present: false, Now);
        var next = pings.Notice(Turn(8, playerId: 43), present: false, Now);
        var handOver = pings.Notice(new TurnNotice("t1", "Table 1", 9, null, null, null, null), present: false, Now);

        Assert.True(step.AskPlayer);
        Assert.Null(step.Passed);
        Assert.Equal(new TurnPing("t1", "Table 1", new TurnRef(3, 7), 42, "fa", Now.AddSeconds(20), first.Legal), ping);
        Assert.Equal(default, repeated);
        Assert.Equal(default, older);
        Assert.Equal(ping, next.Passed);
        Assert.True(next.AskPlayer);
        Assert.Equal(new TurnPings.Step(null, false), handOver);
    }

    [Fact]
    public void Nobody_is_pinged_while_connected_after_the_clock_ran_out_or_for_a_robot()
    {
        var present = new TurnPings().Notice(Turn(7), present: true, Now);
        var late = new TurnPings().Notice(Turn(7, deadline: Now), present: false, Now);
        var robot = new TurnPings().Notice(Turn(7, playerId: Orleans.Poker.Grains.Robots.RobotStrategy.RobotIdBase + 1), present: false, Now);
        var pings = new TurnPings();
        pings.Notice(Turn(7), present: false, Now);
        var ranOutMeanwhile = pings.Decide(Turn(7), Started, On, Now.AddSeconds(20));
        var stale = new TurnPings();
        stale.Notice(Turn(7), present: false, Now);
        stale.Notice(Turn(8), present: false, Now);

        Assert.False(present.AskPlayer);
        Assert.False(late.AskPlayer);
        Assert.False(robot.AskPlayer);
        Assert.Null(ranOutMeanwhile);
        Assert.Null(pings.Open);
        Assert.Null(stale.Decide(Turn(7), Started, On, Now));
    }

    [Theory]
    [InlineData("guest")]
    [InlineData("never started the bot")]
    [InlineData("blocked the bot")]
    [InlineData("pings off")]
    public void Players_the_bot_may_not_write_to_or_who_turned_pings_off_are_not_pinged(string who)
    {
        var (profile, settings) = who switch
        {
            "guest" => (Started with { IsGuest = true, TelegramId = null }, On),
            "never started the bot" => (Started with { BotChat = false }, On),
            "blocked the bot" => (Started with { Unreachable = true }, On),
            _ => (Started, new PlayerSettings(TurnPings: false)),
        };
        var pings = new TurnPings();

        var step = pings.Notice(Turn(7), present: false, Now);

        Assert.True(step.AskPlayer);
        Assert.Null(pings.Decide(Turn(7), profile, settings, Now));
        Assert.Null(pings.Open);
    }

    [Fact]
    public void A_lease_lapses_unless_renewed_and_a_renewal_drops_the_players_its_holder_no_longer_has()
    {
        var time = new FakeTimeProvider(Now);
        var presence = new TablePresence(time);
        var lease = TimeSpan.FromMinutes(3);

        presence.Enter(1, "gw-a", lease);
        presence.Enter(2, "gw-a", lease);
        presence.Enter(1, "gw-b", lease);
        presence.Leave(1, "gw-b");
        time.Advance(TimeSpan.FromMinutes(2));
        presence.Renew("gw-a", [1], lease);
        var afterRenewal = (presence.IsPresent(1), presence.IsPresent(2));
        time.Advance(TimeSpan.FromMinutes(3));
        var lapsed = presence.IsPresent(1);

        Assert.Equal((true, false), afterRenewal);
        Assert.False(lapsed);
        Assert.Equal(0, presence.Count);
    }

    [Fact]
    public void One_bot_process_relays_a_player_until_it_lets_go_or_its_lease_lapses_and_gateways_are_not_shut_out()
    {
        var time = new FakeTimeProvider(Now);
        var presence = new TablePresence(time);
        var lease = TimeSpan.FromMinutes(3);

        var first = presence.Relay(1, "bot-a", lease);
        presence.Enter(1, "gw-a", lease);
        var other = presence.Relay(1, "bot-b", lease);
        var again = presence.Relay(1, "bot-a", lease);
        var renewedByOther = presence.RenewRelays("bot-b", [1], lease);
        presence.Leave(1, "bot-a");
        var afterLeave = presence.IsPresent(1);
        var takenByB = presence.Relay(1, "bot-b", lease);
        var keptByA = presence.RenewRelays("bot-a", [1], lease);
        time.Advance(TimeSpan.FromMinutes(4));
        var afterLapse = presence.RenewRelays("bot-a", [1], lease);
        var heldByB = presence.Relay(1, "bot-b", lease);
        presence.RenewRelays("bot-a", [], lease);
        var letGo = presence.Relay(1, "bot-b", lease);

        Assert.True(first);
        Assert.False(other);
        Assert.True(again);
        Assert.Empty(renewedByOther);
        Assert.True(afterLeave, "the gateway's lease runs on");
        Assert.True(takenByB);
        Assert.Empty(keptByA);
        Assert.Equal([1], afterLapse);
        Assert.False(heldByB);
        Assert.True(letGo);
    }
}
