using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Engine.Rules;

namespace Orleans.Poker.Engine.Tests.Rules;

public sealed class HandSerializerTests
{
    [Fact]
    public void Hand_in_progress_round_trips()
    {
        var hand = new Hand(HandConfig.NoLimitHoldem([200, 150, 300], 1, 2, 1, new RakeRule(500, 5, true)), Deck.Seeded(21));
        hand.Apply(PlayerAction.RaiseTo(2, 7));
        hand.Apply(PlayerAction.CheckOrCall(0));

        var bytes = HandSerializer.Serialize(hand);
        var copy = HandSerializer.Deserialize(bytes);

        Assert.Equal(hand.Stacks, copy.Stacks);
        Assert.Equal(hand.Bets, copy.Bets);
        Assert.Equal(hand.Actor, copy.Actor);
        Assert.Equal(hand.Events, copy.Events);
        Assert.Equal(bytes, HandSerializer.Serialize(copy));
        Assert.True(bytes.Length < 120, $"{bytes.Length} bytes");
    }

    [Fact]
    public void Replayed_phh_hand_round_trips()
    {
        var file = Path.Combine(SharedFolder.Path, "phh", "F2L3D", "F2L3D_s1_0001.phh");
        var hand = PhhReplay.Replay(PhhDocument.Load(file));

        var copy = HandSerializer.Deserialize(HandSerializer.Serialize(hand));

        Assert.Equal(hand.Stacks, copy.Stacks);
        Assert.Equal(hand.Events, copy.Events);
    }

    [Fact]
    public void Unknown_version_is_rejected()
    {
        var bytes = HandSerializer.Serialize(new Hand(HandConfig.NoLimitHoldem([100, 100], 1, 2), Deck.Seeded(1)));
        bytes[0] = 99;

        Assert.Throws<FormatException>(() => HandSerializer.Deserialize(bytes));
    }
}
