using Orleans.Poker.BotFrontend.Rendering;

namespace Orleans.Poker.BotFrontend.Tests;

public sealed class StartPayloadTests
{
    [Theory]
    [InlineData("t_tabc123")]
    [InlineData("i_tabc123_K7Q2")]
    [InlineData("i_nlhe_cash-1_K7Q2")]
    [InlineData("j_tabc123")]
    [InlineData("r_123456789")]
    [InlineData("g")]
    [InlineData("profile")]
    [InlineData("stats")]
    [InlineData("wallet")]
    [InlineData("invite")]
    [InlineData("lobby")]
    public void Links_already_shared_read_back_and_format_to_the_same_payload(string payload)
    {
        var parsed = StartPayload.Parse(payload);

        Assert.NotNull(parsed);
        Assert.Equal(payload, parsed.Format());
    }

    [Fact]
    public void An_invitation_splits_at_the_last_underscore_since_table_ids_may_have_some()
    {
        Assert.Equal(new StartPayload.Invite("nlhe_cash-1", "K7Q2"), StartPayload.Parse("i_nlhe_cash-1_K7Q2"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("i_")]
    [InlineData("i_tabc123")]
    [InlineData("i__K7Q2")]
    [InlineData("j_")]
    [InlineData("j_../x")]
    [InlineData("t_")]
    [InlineData("t_../x")]
    [InlineData("i_../x_K7Q2")]
    [InlineData("r_")]
    [InlineData("r_-5")]
    [InlineData("r_x")]
    [InlineData("gg")]
    [InlineData("Profile")]
    public void A_payload_the_bot_never_made_asks_for_nothing(string payload)
    {
        Assert.Null(StartPayload.Parse(payload));
    }
}
