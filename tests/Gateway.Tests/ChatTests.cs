using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Grains.Interfaces.Chat;

namespace Orleans.Poker.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ChatTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_seated_players_line_reaches_watchers_as_plain_text_and_watchers_cannot_post()
    {
        var (table, ann, _, cat) = await NewTable();
        await using var watcher = await TableClient.Connect(fixture.Server, cat.AccessToken, cat.Player.Profile.PlayerId);
        await watcher.Watch(table);
        using var annHttp = fixture.Http(ann.AccessToken);
        using var catHttp = fixture.Http(cat.AccessToken);
        const string markup = "<script>alert('x')</script> & <b>bold</b>";

        var posted = await annHttp.PostAsJsonAsync($"/api/tables/{table}/chat", new { text = "  " + markup + " " });
        await Problems.AssertProblem(await catHttp.PostAsJsonAsync($"/api/tables/{table}/chat", new { text = "hi" }), HttpStatusCode.Forbidden, "forbidden");
        var emote = await (await annHttp.PostAsJsonAsync($"/api/tables/{table}/chat", new { emote = "clap" })).Content.ReadFromJsonAsync<ChatMessage>(GatewayFixture.Json);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("application/json", posted.Content.Headers.ContentType?.MediaType);
        var line = (await posted.Content.ReadFromJsonAsync<ChatMessage>(GatewayFixture.Json))!;
        Assert.Equal((markup, ann.Player.Profile.PlayerId), (line.Text, line.PlayerId));
        Assert.Equal(("👏", "clap"), (emote!.Text, emote.Emote));
        Assert.Equal("👏", (await catHttp.GetFromJsonAsync<Dictionary<string, string>>("/api/chat/emotes"))!["clap"]);
        Assert.True(await watcher.WaitFor(() => watcher.Chats.Count == 2), "the watcher did not get both lines");
        Assert.Equal([(table, markup), (table, "👏")], watcher.Chats.Select(m => (m.TableId, m.Message.Text)));
        var listed = await catHttp.GetFromJsonAsync<List<ChatMessage>>($"/api/tables/{table}/chat", GatewayFixture.Json);
        Assert.Equal([line.Id, emote.Id], listed!.Select(m => m.Id));
    }

    [Fact]
    public async Task A_line_answered_503_after_it_was_stored_is_posted_once_when_sent_again_with_its_request_id()
    {
        // Ann signs in on two gateways: one whose backplane Redis is down (her line is stored, its delivery fails: 503)
        // and the fixture's, where she sends it again.
        var telegramId = GatewayFixture.NewTelegramId();
        await using var down = await fixture.StartGatewayWithRedisDown();
        using var downHttp = down.GetTestServer().CreateClient();
        var signIn = await downHttp.PostAsJsonAsync("/api/auth/telegram", new { initData = GatewayFixture.InitData(telegramId, "Ann") });
        downHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await signIn.Content.ReadFromJsonAsync<AuthResponse>(GatewayFixture.Json))!.AccessToken);
        var ann = await fixture.SignInTelegram(telegramId, "Ann");
        var table = (await fixture.CreateTable(ann.AccessToken, await fixture.NewTemplate())).Table.TableId;
        await fixture.Sit(ann.AccessToken, table, 0);
        await using var watcher = await TableClient.Connect(fixture.Server, ann.AccessToken, ann.Player.Profile.PlayerId);
        await watcher.Watch(table);
        using var http = fixture.Http(ann.AccessToken);
        var line = new { text = "gl", requestId = "c0ffee-1" };

        await Problems.AssertProblem(await downHttp.PostAsJsonAsync($"/api/tables/{table}/chat", line), HttpStatusCode.ServiceUnavailable, "unavailable");
        var again = await http.PostAsJsonAsync($"/api/tables/{table}/chat", line);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = Assert.Single(await Lines(http, table));
        Assert.Equal((stored.Id, "gl"), ((await again.Content.ReadFromJsonAsync<ChatMessage>(GatewayFixture.Json))!.Id, stored.Text));
        Assert.True(await watcher.WaitFor(() => watcher.Chats.Count == 1), "the watcher did not get the line sent again");
        await Problems.AssertProblem(
            await http.PostAsJsonAsync($"/api/tables/{table}/chat", new { text = "gl", requestId = "not an id" }), HttpStatusCode.BadRequest, "invalid_input", "requestId");
    }

    [Theory]
    [InlineData("{\"text\":\"\"}")]
    [InlineData("{\"text\":\"line\\nbreak\"}")]
    [InlineData("{\"emote\":\"dance\"}")]
    [InlineData("{\"text\":\"hi\",\"emote\":\"clap\"}")]
    [InlineData("{}")]
    public async Task A_malformed_line_is_a_400_and_nothing_is_posted(string body)
    {
        var (table, ann, _, _) = await NewTable();
        using var http = fixture.Http(ann.AccessToken);

        var response = await http.PostAsync($"/api/tables/{table}/chat", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await Problems.AssertProblem(response, HttpStatusCode.BadRequest, "invalid_chat");
        Assert.Empty(await Lines(http, table));
    }

    [Fact]
    public async Task A_line_over_the_length_limit_is_refused_and_one_at_it_is_posted()
    {
        var (table, ann, _, _) = await NewTable();
        using var http = fixture.Http(ann.AccessToken);

        await Problems.AssertProblem(
            await http.PostAsJsonAsync($"/api/tables/{table}/chat", new { text = new string('x', 201) }), HttpStatusCode.BadRequest, "invalid_chat", "200");
        var atLimit = await http.PostAsJsonAsync($"/api/tables/{table}/chat", new { text = new string('x', 200) });

        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal([200], (await Lines(http, table)).Select(m => m.Text.Length));
    }

    [Fact]
    public async Task Posting_past_the_rate_limit_is_a_429_with_retry_after_until_the_window_passes()
    {
        var (table, ann, _, _) = await NewTable();
        using var http = fixture.Http(ann.AccessToken);
        for (var i = 0; i < 5; i++)
        {
            (await http.PostAsJsonAsync($"/api/tables/{table}/chat", new { text = $"line {i}" })).EnsureSuccessStatusCode();
        }

        var limited = await http.PostAsJsonAsync($"/api/tables/{table}/chat", new { text = "too many" });
        var problem = await Problems.AssertProblem(limited, HttpStatusCode.TooManyRequests, "chat_rate_limited");
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        var later = await http.PostAsJsonAsync($"/api/tables/{table}/chat", new { text = "later" });

        Assert.InRange(problem.GetProperty("retryAfter").GetInt32(), 1, 10);
        Assert.Equal(problem.GetProperty("retryAfter").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), limited.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.DoesNotContain(await Lines(http, table), m => m.Text == "too many");
    }

    [Fact]
    public async Task Chat_of_an_unknown_or_malformed_table_is_a_clear_4xx()
    {
        var (_, ann, _, _) = await NewTable();
        using var http = fixture.Http(ann.AccessToken);
        using var anonymous = fixture.Http();

        await Problems.AssertProblem(await http.GetAsync("/api/tables/no-such-table/chat"), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await http.PostAsJsonAsync("/api/tables/no-such-table/chat", new { text = "hi" }), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await http.GetAsync("/api/tables/bad%20id!/chat"), HttpStatusCode.BadRequest, "invalid_input", "tableId");
        await Problems.AssertProblem(await http.PostAsync("/api/tables/no-such-table/chat", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/tables/no-such-table/chat")).StatusCode);
    }

    [Fact]
    public async Task A_player_mutes_another_for_themselves_only()
    {
        var (_, ann, bob, cat) = await NewTable();
        using var annHttp = fixture.Http(ann.AccessToken);
        using var catHttp = fixture.Http(cat.AccessToken);
        var bobId = bob.Player.Profile.PlayerId;

        var muted = await (await annHttp.PutAsync($"/api/players/me/chat-mutes/{bobId}", null)).Content.ReadFromJsonAsync<ChatMutesResponse>(GatewayFixture.Json);
        await Problems.AssertProblem(await annHttp.PutAsync($"/api/players/me/chat-mutes/{ann.Player.Profile.PlayerId}", null), HttpStatusCode.BadRequest, "invalid_mute");
        await Problems.AssertProblem(await annHttp.PutAsync("/api/players/me/chat-mutes/987654321987", null), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await annHttp.PutAsync("/api/players/me/chat-mutes/0", null), HttpStatusCode.BadRequest, "invalid_input", "playerId");

        Assert.Equal([bobId], muted!.PlayerIds);
        Assert.Equal([bobId], (await annHttp.GetFromJsonAsync<ChatMutesResponse>("/api/players/me/chat-mutes", GatewayFixture.Json))!.PlayerIds);
        Assert.Empty((await catHttp.GetFromJsonAsync<ChatMutesResponse>("/api/players/me/chat-mutes", GatewayFixture.Json))!.PlayerIds);
        var unmuted = await annHttp.DeleteAsync($"/api/players/me/chat-mutes/{bobId}");
        Assert.Empty((await unmuted.Content.ReadFromJsonAsync<ChatMutesResponse>(GatewayFixture.Json))!.PlayerIds);
    }

    [Fact]
    public async Task A_report_reaches_the_admins_with_a_copy_of_the_line_once()
    {
        var (table, ann, bob, _) = await NewTable();
        using var annHttp = fixture.Http(ann.AccessToken);
        using var bobHttp = fixture.Http(bob.AccessToken);
        using var adminHttp = fixture.Http((await fixture.SignInAdmin()).AccessToken);
        var line = await Post(annHttp, table, "you are terrible");

        var reported = await bobHttp.PostAsJsonAsync($"/api/tables/{table}/chat/{line.Id}/report", new { reason = "insult" });
        await Problems.AssertProblem(await bobHttp.PostAsJsonAsync($"/api/tables/{table}/chat/{line.Id}/report", new { reason = "again" }), HttpStatusCode.Conflict, "already_reported");
        await Problems.AssertProblem(await annHttp.PostAsJsonAsync($"/api/tables/{table}/chat/{line.Id}/report", new { }), HttpStatusCode.BadRequest, "invalid_report");
        await Problems.AssertProblem(await bobHttp.PostAsJsonAsync($"/api/tables/{table}/chat/{line.Id + 99}/report", new { }), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await bobHttp.PostAsJsonAsync($"/api/tables/{table}/chat/{line.Id}/report", new { reason = new string('r', 201) }), HttpStatusCode.BadRequest, "invalid_input", "reason");

        Assert.Equal(HttpStatusCode.NoContent, reported.StatusCode);
        var reports = await adminHttp.GetFromJsonAsync<JsonElement>("/api/admin/chat/reports?pageSize=100");
        var mine = reports.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("tableId").GetString() == table).ToList();
        var report = Assert.Single(mine);
        Assert.Equal(("you are terrible", bob.Player.Profile.PlayerId, "insult"),
            (report.GetProperty("message").GetProperty("text").GetString(), report.GetProperty("reporterId").GetInt64(), report.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task An_admin_deletes_a_line_for_everybody_and_the_audit_log_says_so()
    {
        var (table, ann, bob, _) = await NewTable();
        await using var viewer = await TableClient.Connect(fixture.Server, bob.AccessToken, bob.Player.Profile.PlayerId);
        await viewer.Watch(table);
        using var annHttp = fixture.Http(ann.AccessToken);
        using var adminHttp = fixture.Http((await fixture.SignInAdmin()).AccessToken);
        var line = await Post(annHttp, table, "spam spam spam");

        var deleted = await adminHttp.DeleteAsync($"/api/admin/tables/{table}/chat/{line.Id}");
        await Problems.AssertProblem(await adminHttp.DeleteAsync($"/api/admin/tables/{table}/chat/{line.Id + 99}"), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await annHttp.DeleteAsync($"/api/admin/tables/{table}/chat/{line.Id}"), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal([(line.Id, true, "")], (await Lines(annHttp, table)).Select(m => (m.Id, m.Deleted, m.Text)));
        Assert.True(await viewer.WaitFor(() => viewer.Chats.Any(m => m.Message.Id == line.Id && m.Message.Deleted)), "the viewer was not told of the deletion");
        var audit = await adminHttp.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=chat.delete&pageSize=100");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("target").GetString() == $"{table}#{line.Id}");
    }

    [Fact]
    public async Task An_admin_mutes_a_player_room_wide_until_unmuted_with_each_step_audited()
    {
        var (table, ann, _, _) = await NewTable();
        using var annHttp = fixture.Http(ann.AccessToken);
        using var adminHttp = fixture.Http((await fixture.SignInAdmin()).AccessToken);
        var annId = ann.Player.Profile.PlayerId;

        await Problems.AssertProblem(await adminHttp.PutAsJsonAsync($"/api/admin/chat/mutes/{annId}", new { reason = "" }), HttpStatusCode.BadRequest, "invalid_input", "reason");
        await Problems.AssertProblem(await annHttp.PutAsJsonAsync($"/api/admin/chat/mutes/{annId}", new { reason = "self" }), HttpStatusCode.Forbidden);
        Assert.Null((await fixture.Grains.GetGrain<IChatModerationGrain>(IChatModerationGrain.Key).GetMute(annId)));
        var muted = await adminHttp.PutAsJsonAsync($"/api/admin/chat/mutes/{annId}", new { reason = "flooding" });
        await Problems.AssertProblem(await annHttp.PostAsJsonAsync($"/api/tables/{table}/chat", new { text = "let me talk" }), HttpStatusCode.Forbidden, "chat_muted");
        var mutes = await adminHttp.GetFromJsonAsync<List<ChatMute>>("/api/admin/chat/mutes", GatewayFixture.Json);
        var unmuted = await adminHttp.DeleteAsync($"/api/admin/chat/mutes/{annId}");
        await Problems.AssertProblem(await adminHttp.DeleteAsync($"/api/admin/chat/mutes/{annId}"), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await adminHttp.PutAsJsonAsync("/api/admin/chat/mutes/987654321987", new { reason = "ghost" }), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(HttpStatusCode.OK, muted.StatusCode);
        Assert.Contains(mutes!, m => m.PlayerId == annId && m.Reason == "flooding");
        Assert.Equal(HttpStatusCode.NoContent, unmuted.StatusCode);
        Assert.Equal("back", (await Post(annHttp, table, "back")).Text);
        var audit = await adminHttp.GetFromJsonAsync<JsonElement>("/api/admin/audit?pageSize=100");
        var actions = audit.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("target").GetString() == annId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(e => e.GetProperty("action").GetString()).ToList();
        // The second unmute was refused (404) after its entry was written.
        Assert.Equal(["chat.unmute.failed", "chat.unmute", "chat.unmute", "chat.mute"], actions);
    }

    [Fact]
    public async Task Chat_admin_routes_are_refused_to_players()
    {
        var player = await fixture.SignInGuest("Nosy");
        using var http = fixture.Http(player.AccessToken);

        var responses = new[]
        {
            await http.GetAsync("/api/admin/chat/reports"),
            await http.GetAsync("/api/admin/chat/mutes"),
            await http.DeleteAsync("/api/admin/chat/mutes/5"),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        using var admin = fixture.Http((await fixture.SignInAdmin()).AccessToken);
        await Problems.AssertProblem(await admin.GetAsync("/api/admin/chat/reports?pageSize=1000"), HttpStatusCode.BadRequest, "invalid_input", "pageSize");
    }

    private async Task<(string Table, AuthResponse Ann, AuthResponse Bob, AuthResponse Cat)> NewTable()
    {
        var template = await fixture.NewTemplate();
        var (ann, bob, cat) = (await fixture.SignInGuest("Ann"), await fixture.SignInGuest("Bob"), await fixture.SignInGuest("Cat"));
        var table = (await fixture.CreateTable(ann.AccessToken, template)).Table.TableId;
        await fixture.Sit(ann.AccessToken, table, 0);
        await fixture.Sit(bob.AccessToken, table, 1);
        return (table, ann, bob, cat);
    }

    private static async Task<ChatMessage> Post(HttpClient http, string table, string text)
    {
        var response = await http.PostAsJsonAsync($"/api/tables/{table}/chat", new { text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ChatMessage>(GatewayFixture.Json))!;
    }

    private static async Task<List<ChatMessage>> Lines(HttpClient http, string table) =>
        (await http.GetFromJsonAsync<List<ChatMessage>>($"/api/tables/{table}/chat", GatewayFixture.Json))!;
}
