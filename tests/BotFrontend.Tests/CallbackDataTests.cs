using System.Text;
using Orleans.Poker.BotFrontend.Rendering;
using Orleans.Poker.Grains.Interfaces.Tables;
using static Orleans.Poker.BotFrontend.Rendering.CallbackData;

namespace Orleans.Poker.BotFrontend.Tests;

public sealed class CallbackDataTests
{
    private const string TableId = "tabcdefghij012345";

    /// <summary>Every kind of button, with the exact data buttons already sent to players carry.</summary>
    public static TheoryData<string, string> Buttons() => new()
    {
        { "m", nameof(CommandKind.Menu) },
        { "t", nameof(CommandKind.MyTables) },
        { "p", nameof(CommandKind.Profile) },
        { "s", nameof(CommandKind.Stats) },
        { "wa", nameof(CommandKind.Wallet) },
        { "iv", nameof(CommandKind.Invite) },
        { "h", nameof(CommandKind.Help) },
        { "tu", nameof(CommandKind.TopUp) },
        { "l", "lobby" },
        { "l:3", "lobby page" },
        { "lg", "languages" },
        { "lg:fa", "language" },
        { $"j:{TableId}", nameof(TableVerb.Join) },
        { $"w:{TableId}", nameof(TableVerb.Waitlist) },
        { $"so:{TableId}", nameof(TableVerb.SitOut) },
        { $"si:{TableId}", nameof(TableVerb.SitIn) },
        { $"v:{TableId}", nameof(TableVerb.Refresh) },
        { $"lv:{TableId}", nameof(TableVerb.Leave) },
        { $"ad:{TableId}", nameof(TableVerb.Manage) },
        { $"ap:{TableId}", nameof(TableVerb.Pause) },
        { $"ar:{TableId}", nameof(TableVerb.Resume) },
        { $"ac:{TableId}", nameof(TableVerb.Close) },
        { $"ak:{TableId}:123456789", "kick" },
        { "y:nlhe-cash", "any table" },
        { $"a:{TableId}:12:345:f", nameof(TurnButton.Fold) },
        { $"a:{TableId}:12:345:k", nameof(TurnButton.Check) },
        { $"a:{TableId}:12:345:c", nameof(TurnButton.Call) },
        { $"a:{TableId}:12:345:b", nameof(TurnButton.BringIn) },
        { $"a:{TableId}:12:345:r600", nameof(TurnButton.BetOrRaise) },
        { $"a:{TableId}:12:345:x", nameof(TurnButton.AskAmount) },
        { $"a:{TableId}:12:345:sAs2c", nameof(TurnButton.Toggle) },
        { $"a:{TableId}:12:345:s", "toggle to no selection" },
        { $"a:{TableId}:12:345:dKhTd", nameof(TurnButton.Discard) },
        { $"a:{TableId}:12:345:d", "stand pat" },
    };

    [Theory]
    [MemberData(nameof(Buttons))]
    public void Data_already_sent_reads_back_and_formats_to_the_same_string(string data, string kind)
    {
        Assert.True(CallbackData.TryParse(data, out var parsed), kind);

        Assert.Equal(data, parsed.Format());
    }

    [Fact]
    public void Formatted_buttons_read_back_as_what_was_formatted()
    {
        var turn = new TurnRef(12, 345);
        CallbackData[] buttons =
        [
            new Command(CommandKind.TopUp), new Lobby(null), new Lobby(0), new Lobby(7), new Language(null), new Language("en"),
            new Table(TableVerb.SitOut, TableId), new Kick(TableId, long.MaxValue),
            new Act(TableId, turn, TurnButton.BetOrRaise, Amount: 1_000_000), new Act(TableId, turn, TurnButton.Discard, Cards: "2c3d"),
            new Act(TableId, turn, TurnButton.Toggle), new Act(TableId, turn, TurnButton.Fold),
            new Host(HostVerb.Pause, TableId), new Host(HostVerb.Close, TableId), new Host(HostVerb.Kick, TableId, long.MaxValue),
            new Host(HostVerb.BigBlind, TableId, 40), new Host(HostVerb.TurnTime, TableId, 45), new Maintenance(true), new Maintenance(false),
            new AnyTable("nlhe-cash"),
        ];

        foreach (var button in buttons)
        {
            Assert.True(CallbackData.TryParse(button.Format(), out var parsed), button.Format());
            Assert.Equal(button, parsed);
        }
    }

    [Fact]
    public void The_parts_of_an_action_button_are_read()
    {
        Assert.True(CallbackData.TryParse($"a:{TableId}:12:345:r600", out var parsed));

        Assert.Equal(new Act(TableId, new TurnRef(12, 345), TurnButton.BetOrRaise, Amount: 600), parsed);
    }

    [Fact]
    public void The_longest_buttons_a_table_can_need_fit_in_telegrams_64_bytes()
    {
        // Table ids the room makes are 16 characters (seeded ones are shorter); hand numbers and turn ids are far from
        // ten and thirteen digits; a draw selects at most five cards.
        var tableId = "t" + new string('z', 15);
        var turn = new TurnRef(9_999_999_999, 9_999_999_999_999);
        CallbackData[] longest =
        [
            new Act(tableId, turn, TurnButton.Toggle, Cards: "AsKsQsJsTs"),
            new Act(tableId, turn, TurnButton.Discard, Cards: "AsKsQsJsTs"),
            new Act(tableId, turn, TurnButton.BetOrRaise, Amount: 9_999_999_999_999),
            new Kick(tableId, long.MaxValue),
            new Host(HostVerb.Kick, "g" + long.MaxValue, long.MaxValue),
            new Table(TableVerb.Waitlist, tableId),
            new AnyTable(new string('t', 48)),
        ];

        Assert.All(longest, button => Assert.InRange(Encoding.UTF8.GetByteCount(button.Format()), 1, CallbackData.MaxBytes));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("m:1")]
    [InlineData("tu:x")]
    [InlineData("l:")]
    [InlineData("l:-1")]
    [InlineData("l:x")]
    [InlineData("l:99999999999")]
    [InlineData("j")]
    [InlineData("j:")]
    [InlineData("j:../x")]
    [InlineData("lv:tb 1")]
    [InlineData("ak:tb1")]
    [InlineData("ak:tb1:")]
    [InlineData("ak::1")]
    [InlineData("ak:tb1:-1")]
    [InlineData("hp:")]
    [InlineData("hp:tb1:1")]
    [InlineData("hk:tb1")]
    [InlineData("hk:tb1:-1")]
    [InlineData("hb:tb1:x")]
    [InlineData("ht::30")]
    [InlineData("mt")]
    [InlineData("mt:2")]
    [InlineData("y")]
    [InlineData("y:")]
    [InlineData("y:../x")]
    [InlineData("a:x")]
    [InlineData("a::1:1:f")]
    [InlineData("a:tb1:1:1")]
    [InlineData("a:tb1:1:1:")]
    [InlineData("a:tb1:1:1:1:f")]
    [InlineData("a:tb1:x:1:f")]
    [InlineData("a:tb1:1:-1:f")]
    [InlineData("a:tb1:99999999999999999999:1:f")]
    [InlineData("a:tb1:1:1:zz")]
    [InlineData("a:tb1:1:1:fx")]
    [InlineData("a:tb1:1:1:r")]
    [InlineData("a:tb1:1:1:rx")]
    [InlineData("a:tb1:1:1:r-5")]
    public void Data_the_bot_never_made_is_refused(string? data)
    {
        Assert.False(CallbackData.TryParse(data, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void A_table_id_longer_than_a_table_may_have_is_refused()
    {
        var tooLong = new string('t', 65);

        Assert.False(CallbackData.TryParse("j:" + tooLong, out _));
        Assert.False(CallbackData.TryParse($"a:{tooLong}:1:1:f", out _));
    }
}
