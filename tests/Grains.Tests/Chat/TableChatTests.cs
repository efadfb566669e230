using Orleans.Poker.Grains.Chat;
using Orleans.Poker.Grains.Interfaces.Chat;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Tests.Tables;

namespace Orleans.Poker.Grains.Tests.Chat;

[Collection(ClusterCollection.Name)]
public sealed class TableChatTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task Seated_players_post_and_everybody_reads_the_lines_in_order()
    {
        var (chat, players) = await NewChat(2);

        var first = await chat.Post(players[0], " good luck ", null);
        var second = await chat.Post(players[1], null, "handshake");

        Assert.Equal([(first.Id, "good luck", (string?)null, "P0"), (second.Id, "🤝", "handshake", "P1")],
            (await chat.Recent()).Select(m => (m.Id, m.Text, m.Emote, m.DisplayName)));
        Assert.Equal(first.Id + 1, second.Id);
        Assert.Equal(fixture.Time.GetUtcNow(), second.SentAt);
    }

    [Fact]
    public async Task A_watcher_cannot_post_and_an_unknown_table_has_no_chat()
    {
        var (chat, _) = await NewChat(1);
        var watcher = await kit.NewPlayer();

        var refused = await Assert.ThrowsAsync<PokerException>(() => chat.Post(watcher, "hello", null));
        var missing = await Assert.ThrowsAsync<PokerException>(() => fixture.Grains.GetGrain<ITableChatGrain>(ClusterFixture.NewKey("nope")).Post(watcher, "hi", null));

        Assert.Equal(("forbidden", 403), (refused.Code, refused.Status));
        Assert.Equal(("not_found", 404), (missing.Code, missing.Status));
        Assert.Empty(await chat.Recent());
    }

    [Fact]
    public async Task Posting_is_rate_limited_per_player_until_the_window_passes()
    {
        var (chat, players) = await NewChat(2);
        for (var i = 0; i < ChatRules.RateLimit; i++)
        {
            await chat.Post(players[0], $"line {i}", null);
        }

        var error = await Assert.ThrowsAsync<PokerException>(() => chat.Post(players[0], "one too many", null));
        await chat.Post(players[1], "my turn", null);
        fixture.Time.Advance(ChatRules.RateWindow);
        await chat.Post(players[0], "again", null);

        Assert.Equal(("chat_rate_limited", 429), (error.Code, error.Status));
        Assert.InRange(error.RetryAfterSeconds ?? 0, 1, 10);
        Assert.DoesNotContain(await chat.Recent(), m => m.Text == "one too many");
    }

    [Fact]
    public async Task A_repeated_request_id_is_answered_with_the_first_line_and_stored_once()
    {
        var (chat, players) = await NewChat(2);

        var first = await chat.Post(players[0], "gl", null, "line-1");
        var again = await chat.Post(players[0], "gl", null, "line-1");
        await fixture.Cluster.DeactivateAsync(chat);
        var afterReload = await chat.Post(players[0], "gl edited", null, "line-1");
        var other = await chat.Post(players[1], "gl", null, "line-1");

        Assert.Equal(first, again);
        Assert.Equal(first, afterReload);
        Assert.Equal([(first.Id, players[0]), (other.Id, players[1])], (await chat.Recent()).Select(m => (m.Id, m.PlayerId)));
        var invalid = await Assert.ThrowsAsync<PokerException>(() => chat.Post(players[0], "hi", null, "bad id!"));
        Assert.Equal(("invalid_input", 400), (invalid.Code, invalid.Status));
    }

    [Fact]
    public async Task A_repeated_request_id_of_a_line_taken_down_meanwhile_is_answered_with_the_line_as_it_is_now()
    {
        var (chat, players) = await NewChat(1);
        var first = await chat.Post(players[0], "something rude", null, "line-1");
        await chat.Delete(first.Id);

        var again = await chat.Post(players[0], "something rude", null, "line-1");

        Assert.Equal((first.Id, true, ""), (again.Id, again.Deleted, again.Text));
    }

    [Fact]
    public async Task A_request_id_is_forgotten_after_the_players_next_ones_or_after_a_while()
    {
        // An hour passes: the table must not close for idleness meanwhile.
        var (chat, players) = await NewChat(1, TableKit.Holdem(c => c with { IdleCloseAfter = null }));
        await chat.Post(players[0], "pushed out", null, "old");
        for (var i = 0; i < ChatRules.RequestsKept; i++)
        {
            fixture.Time.Advance(ChatRules.RateWindow);
            await chat.Post(players[0], $"line {i}", null, $"id-{i}");
        }

        await chat.Post(players[0], "pushed out", null, "old");
        var last = ChatRules.RequestsKept - 1;
        fixture.Time.Advance(ChatRules.RequestsKeptFor + TimeSpan.FromSeconds(1));
        await chat.Post(players[0], $"line {last}", null, $"id-{last}");

        var recent = await chat.Recent();
        Assert.Equal(2, recent.Count(m => m.Text == "pushed out"));
        Assert.Equal(2, recent.Count(m => m.Text == $"line {last}"));
    }

    [Fact]
    public async Task A_line_whose_write_failed_is_stored_once_when_it_is_sent_again()
    {
        var (chat, players) = await NewChat(1);
        fixture.Storage.FailNextWrite("chat", chat);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => chat.Post(players[0], "gl", null, "line-1"));
        var retried = await chat.Post(players[0], "gl", null, "line-1");

        Assert.Equal([(retried.Id, "gl")], (await chat.Recent()).Select(m => (m.Id, m.Text)));
    }

    [Fact]
    public async Task Only_the_last_messages_are_kept_and_ids_keep_counting()
    {
        var (chat, players) = await NewChat(1);
        for (var i = 0; i < ChatRules.Kept + 3; i++)
        {
            await chat.Post(players[0], $"line {i}", null);
            fixture.Time.Advance(ChatRules.RateWindow / ChatRules.RateLimit);
        }

        var recent = await chat.Recent();

        Assert.Equal(ChatRules.Kept, recent.Count);
        Assert.Equal("line 3", recent[0].Text);
        Assert.Equal(ChatRules.Kept + 3, recent[^1].Id);
    }

    [Fact]
    public async Task A_player_muted_room_wide_cannot_post_until_unmuted()
    {
        var (chat, players) = await NewChat(1);
        var moderation = fixture.Grains.GetGrain<IChatModerationGrain>(IChatModerationGrain.Key);
        await moderation.Mute(players[0], 7, "spam");

        var error = await Assert.ThrowsAsync<PokerException>(() => chat.Post(players[0], "hello", null));
        var mute = await moderation.GetMute(players[0]);
        await moderation.Unmute(players[0]);
        await chat.Post(players[0], "hello again", null);

        Assert.Equal(("chat_muted", 403), (error.Code, error.Status));
        Assert.Equal((7L, "spam"), (mute?.MutedBy, mute?.Reason));
        Assert.Equal(["hello again"], (await chat.Recent()).Select(m => m.Text));
        Assert.Equal("not_found", (await Assert.ThrowsAsync<PokerException>(() => moderation.Unmute(players[0]))).Code);
    }

    [Fact]
    public async Task A_report_keeps_a_copy_once_per_reporter_and_never_of_ones_own_or_a_deleted_line()
    {
        var (chat, players) = await NewChat(2);
        var line = await chat.Post(players[0], "rude words", null);
        var moderation = fixture.Grains.GetGrain<IChatModerationGrain>(IChatModerationGrain.Key);

        var report = await chat.Report(line.Id, players[1], "insult");
        var twice = await Assert.ThrowsAsync<PokerException>(() => chat.Report(line.Id, players[1], null));
        var own = await Assert.ThrowsAsync<PokerException>(() => chat.Report(line.Id, players[0], null));
        var unknown = await Assert.ThrowsAsync<PokerException>(() => chat.Report(line.Id + 100, players[1], null));
        await chat.Delete(line.Id);
        var bystander = await kit.NewPlayer();
        var deleted = await Assert.ThrowsAsync<PokerException>(() => chat.Report(line.Id, bystander, null));

        Assert.Equal((line, players[1], "insult", chat.GetPrimaryKeyString()), (report.Message, report.ReporterId, report.Reason, report.TableId));
        Assert.Contains(await moderation.Reports(0, 100), r => r.Id == report.Id && r.Message.Text == "rude words");
        Assert.Equal([("already_reported", 409), ("invalid_report", 400), ("not_found", 404), ("not_found", 404)],
            new[] { twice, own, unknown, deleted }.Select(e => (e.Code, e.Status)));
    }

    [Fact]
    public async Task A_deleted_line_keeps_its_place_without_its_text_and_observers_hear_of_it()
    {
        var (chat, players) = await NewChat(1);
        var observer = new ChatRecorder();
        await chat.Subscribe(fixture.Client.CreateObjectReference<IChatObserver>(observer));
        var line = await chat.Post(players[0], "oops", null);

        var deleted = await chat.Delete(line.Id);
        var again = await chat.Delete(line.Id);
        var heard = await observer.Deleted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((true, ""), (deleted.Deleted, deleted.Text));
        Assert.Equal(deleted, again);
        Assert.Equal([(line.Id, true, "")], (await chat.Recent()).Select(m => (m.Id, m.Deleted, m.Text)));
        Assert.Equal((line.Id, true), (heard.Id, heard.Deleted));
        Assert.Equal("not_found", (await Assert.ThrowsAsync<PokerException>(() => chat.Delete(line.Id + 1))).Code);
    }

    [Fact]
    public async Task A_deletion_or_an_unmute_whose_write_failed_is_stored_when_it_is_sent_again()
    {
        var (chat, players) = await NewChat(1);
        var line = await chat.Post(players[0], "oops", null);
        var moderation = fixture.Grains.GetGrain<IChatModerationGrain>(IChatModerationGrain.Key);
        await moderation.Mute(players[0], 7, "spam");
        fixture.Storage.FailNextWrite("chat", chat);
        fixture.Storage.FailNextWrite("chat-moderation", moderation);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => chat.Delete(line.Id));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => moderation.Unmute(players[0]));
        await chat.Delete(line.Id);
        await moderation.Unmute(players[0]);
        await fixture.Cluster.DeactivateAsync(chat);
        await fixture.Cluster.DeactivateAsync(moderation);

        Assert.True(Assert.Single(await chat.Recent()).Deleted);
        Assert.Null(await moderation.GetMute(players[0]));
    }

    [Fact]
    public async Task Chat_survives_deactivation()
    {
        var (chat, players) = await NewChat(1);
        await chat.Post(players[0], "still here", null);

        await fixture.Cluster.DeactivateAsync(chat);

        Assert.Equal(["still here"], (await chat.Recent()).Select(m => m.Text));
    }

    [Fact]
    public async Task A_player_mutes_and_unmutes_others_for_themselves_only()
    {
        var me = kit.Grains.GetGrain<Interfaces.Players.IPlayerGrain>(await kit.NewPlayer());
        var (other, third) = (await kit.NewPlayer(), await kit.NewPlayer());

        await me.SetChatMute(other, true);
        await me.SetChatMute(third, true);
        await me.SetChatMute(other, true);
        var afterUnmute = await me.SetChatMute(other, false);
        var self = await Assert.ThrowsAsync<PokerException>(() => me.SetChatMute(me.GetPrimaryKeyLong(), true));

        Assert.Equal([third], afterUnmute);
        Assert.Equal([third], await me.GetChatMutes());
        Assert.Equal("invalid_mute", self.Code);
        Assert.Empty(await kit.Grains.GetGrain<Interfaces.Players.IPlayerGrain>(third).GetChatMutes());
    }

    private async Task<(ITableChatGrain Chat, long[] Players)> NewChat(int seated, Interfaces.Templates.TemplateConfig? config = null)
    {
        var table = await kit.NewTable(config ?? TableKit.Holdem());
        var players = await kit.Seat(table, seated);
        return (fixture.Grains.GetGrain<ITableChatGrain>(table.GetPrimaryKeyString()), players);
    }

    private sealed class ChatRecorder : IChatObserver
    {
        public TaskCompletionSource<ChatMessage> Deleted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnChat(string tableId, ChatMessage message, IReadOnlyList<ChatMessage> recent)
        {
            if (message.Deleted)
            {
                Deleted.TrySetResult(message);
            }

            return Task.CompletedTask;
        }
    }
}
