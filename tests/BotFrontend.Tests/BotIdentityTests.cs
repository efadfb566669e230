using Orleans.Poker.BotFrontend.Telegram;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.BotFrontend.Tests;

public sealed class BotIdentityTests
{
    [Fact]
    public void A_command_for_another_bot_is_told_apart_only_once_getMe_named_the_bot()
    {
        var identity = new BotIdentity(new PokerOptions { Bot = new BotSettings { Token = "123456:secret" } });
        var unnamed = (identity.IsAnotherBot("some_other_bot"), identity.IsAnotherBot("poker_room_bot"));

        identity.Name("Poker_Room_Bot");

        Assert.Equal((false, false), unnamed);
        Assert.True(identity.IsAnotherBot("some_other_bot"));
        Assert.False(identity.IsAnotherBot("poker_room_bot"));
        Assert.Equal("https://t.me/Poker_Room_Bot?start=g", identity.Link("g"));
    }
}
