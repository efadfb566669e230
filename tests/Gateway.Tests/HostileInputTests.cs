using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class HostileInputTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("{\"buyIn\":150.5}", "$.buyIn has a value of the wrong kind")]
    [InlineData("null", "needs a JSON body")]
    [InlineData("", "needs a JSON body")]
    public async Task A_body_of_the_wrong_shape_is_told_in_the_callers_terms(string body, string expected)
    {
        var template = await fixture.NewTemplate();
        var host = await fixture.SignInGuest("Host");
        var table = (await fixture.CreateTable(host.AccessToken, template)).Table.TableId;
        using var http = fixture.Http(host.AccessToken);

        using var response = await http.PostAsync($"/api/tables/{table}/sit", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(400, (int)response.StatusCode);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Orleans.Poker", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thousand_malformed_or_hostile_requests_get_4xx_and_change_nothing()
    {
        var template = await fixture.NewTemplate();
        var victim = await fixture.SignInGuest("Victim");
        var other = await fixture.SignInGuest("Other");
        var attacker = await fixture.SignInGuest("Attacker");
        var table = (await fixture.CreateTable(victim.AccessToken, template)).Table.TableId;
        await fixture.Sit(victim.AccessToken, table, 0);
        await fixture.Sit(other.AccessToken, table, 1);
        var victimId = victim.Player.Profile.PlayerId;
        var ids = new[] { victimId, other.Player.Profile.PlayerId, attacker.Player.Profile.PlayerId };
        var balancesBefore = await Balances(ids);
        var before = await fixture.PublicSnapshot(table);
        var huge = "99999999999999999999999999";
        var cases = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Post, $"/api/tables/{table}/sit", "{"),
            (HttpMethod.Post, $"/api/tables/{table}/sit", "[]"),
            (HttpMethod.Post, $"/api/tables/{table}/sit", "{\"buyIn\":\"abc\"}"),
            (HttpMethod.Post, $"/api/tables/{table}/sit", $"{{\"buyIn\":{huge}}}"),
            (HttpMethod.Post, $"/api/tables/{table}/sit", "{\"buyIn\":1e400}"),
            (HttpMethod.Post, $"/api/tables/{table}/sit", "{\"buyIn\":-5}"),
            (HttpMethod.Post, $"/api/tables/{table}/sit", "{\"buyIn\":100,\"seat\":0}"),
            (HttpMethod.Post, $"/api/tables/{table}/sit", "{\"buyIn\":100,\"seat\":99}"),
            (HttpMethod.Post, $"/api/tables/{table}/sit", "{\"buyIn\":100,\"seat\":-1}"),
            (HttpMethod.Post, $"/api/tables/{table}/sit", "{\"buyIn\":100000000}"),
            (HttpMethod.Post, "/api/tables/tunknowntable01/sit", "{\"buyIn\":100}"),
            (HttpMethod.Post, $"/api/tables/{table}/top-up", "{\"amount\":-1}"),
            (HttpMethod.Post, $"/api/tables/{table}/top-up", $"{{\"amount\":{huge}}}"),
            (HttpMethod.Post, $"/api/tables/{table}/top-up", "{\"amount\":50}"),
            (HttpMethod.Post, $"/api/tables/{table}/act", "{\"action\":\"Raise\"}"),
            (HttpMethod.Post, $"/api/tables/{table}/act", "{\"action\":\"Call\",\"amount\":-1}"),
            (HttpMethod.Post, $"/api/tables/{table}/act", "{\"action\":\"BetOrRaise\",\"amount\":100}"),
            (HttpMethod.Post, $"/api/tables/{table}/act", "{\"action\":7}"),
            (HttpMethod.Post, $"/api/tables/{table}/act", "{\"action\":\"Discard\",\"cards\":[\"Zz\",\"<script>\"]}"),
            (HttpMethod.Post, $"/api/tables/{table}/leave", null),
            (HttpMethod.Post, $"/api/tables/{table}/sit-out", null),
            (HttpMethod.Post, $"/api/tables/{table}/sit-in", null),
            (HttpMethod.Get, $"/api/tables/{table}/invite", null),
            (HttpMethod.Get, "/api/tables/..%2F..%2Fetc%2Fpasswd", null),
            (HttpMethod.Get, $"/api/tables/{new string('x', 300)}", null),
            (HttpMethod.Get, "/api/tables?pageSize=0", null),
            (HttpMethod.Get, "/api/tables?pageSize=1000", null),
            (HttpMethod.Get, "/api/tables?page=-1", null),
            (HttpMethod.Get, "/api/tables?pageSize=abc", null),
            (HttpMethod.Get, "/api/tables?status=Exploded", null),
            (HttpMethod.Get, $"/api/tables/{table}/hands/-1", null),
            (HttpMethod.Get, $"/api/tables/{table}/hands/abc", null),
            (HttpMethod.Get, $"/api/tables/{table}/hands/99999", null),
            (HttpMethod.Get, "/api/players/me/ledger?pageSize=101", null),
            (HttpMethod.Post, $"/api/admin/players/{victimId}/adjust", "{\"amount\":1000000,\"reason\":\"mine now\"}"),
            (HttpMethod.Post, $"/api/admin/tables/{table}/kick", $"{{\"playerId\":{victimId}}}"),
            (HttpMethod.Post, "/api/tables", "{\"templateId\":\"../../x\"}"),
            (HttpMethod.Post, "/api/tables", "{\"templateId\":\"no-such-template\"}"),
            (HttpMethod.Post, "/api/tables", $"{{\"templateId\":\"{template}\",\"name\":\"{new string('n', 100_000)}\"}}"),
            (HttpMethod.Put, "/api/players/me/profile", "{\"displayName\":\"\"}"),
            (HttpMethod.Put, "/api/players/me/profile", $"{{\"displayName\":\"{new string('d', 1000)}\"}}"),
            (HttpMethod.Put, "/api/players/me/profile", "{\"language\":\"xx\"}"),
            (HttpMethod.Put, "/api/players/me/profile", "{\"displayName\":\"a\\u0000b\"}"),
            (HttpMethod.Post, "/api/auth/refresh", "{\"refreshToken\":123}"),
            (HttpMethod.Post, "/api/auth/refresh", "{\"refreshToken\":\"not-a-token-but-long-enough-to-try\"}"),
            (HttpMethod.Post, "/api/auth/telegram", "{\"initData\":null}"),
            (HttpMethod.Post, "/api/tables/join", "{\"invite\":\"nocolon\",\"buyIn\":100}"),
            (HttpMethod.Post, "/api/tables/join", $"{{\"invite\":\"{table}:wrong\",\"buyIn\":100}}"),
            (HttpMethod.Post, $"/api/tables/{table}/waitlist/position", null),
            (HttpMethod.Delete, $"/api/tables/{table}", null),
        };
        using var http = fixture.Http(attacker.AccessToken);
        var statuses = new List<(string Case, int Status)>();
        for (var i = 0; statuses.Count < 800; i++)
        {
            var (method, path, body) = cases[i % cases.Length];
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, i % 17 == 0 ? "text/plain" : "application/json");
            }

            using var response = await http.SendAsync(request);
            statuses.Add(($"{method} {path[..Math.Min(path.Length, 60)]} {body?[..Math.Min(body.Length, 60)]}", (int)response.StatusCode));
        }

        await using var hub = await TableClient.Connect(fixture.Server, attacker.AccessToken, attacker.Player.Profile.PlayerId);
        var hubCalls = new Func<Task>[]
        {
            () => hub.Connection.InvokeAsync<object>("Act", table, 1, 1, "Raise", 10, null, 1),
            () => hub.Connection.InvokeAsync<object>("Act", table, 1, 1, "Call", "abc", null, 1),
            () => hub.Connection.InvokeAsync<object>("Act", table, 1, 1, "Call", -5, null, 2),
            () => hub.Connection.InvokeAsync<object>("Act", table, 1, 1, "Fold", 0, null, 3),
            () => hub.Connection.InvokeAsync<object>("Act", table, 1, 1, "BetOrRaise", long.MaxValue, null, 4),
            () => hub.Connection.InvokeAsync<object>("Act", "tnosuchtable000", 1, 1, "Check", 0, null, 5),
            () => hub.Connection.InvokeAsync<object>("Act", table, 1, 1, "Discard", 0, new[] { "??", "Ah", "Kd", "Qs", "Jc", "Tc" }, 6),
            () => hub.Connection.InvokeAsync<object>("Act", table, 1, 1, 99, 0, null, 7),
            () => hub.Connection.InvokeAsync<object>("Act", table, 0, 0, "Fold", 0, null, 8),
            () => hub.Connection.InvokeAsync<object>("Act", table, -1, long.MaxValue, "Fold", 0, null, 9),
            () => hub.Connection.InvokeAsync<object>("Act", table, "Fold", 0, null, 10),
            () => hub.Connection.InvokeAsync<object>("Act", table),
            () => hub.Connection.InvokeAsync<object>("Watch", "../../x"),
            () => hub.Connection.InvokeAsync<object>("Watch", new string('a', 1000)),
            () => hub.Connection.InvokeAsync<object>("Watch", "tnosuchtable000"),
            () => hub.Connection.InvokeAsync<object>("Snapshot", "tnosuchtable000"),
            () => hub.Connection.InvokeAsync<object>("NoSuchMethod", 1),
        };
        var hubErrors = 0;
        for (var i = 0; i < 200; i++)
        {
            await Assert.ThrowsAsync<HubException>(hubCalls[i % hubCalls.Length]);
            hubErrors++;
        }

        var serverErrors = statuses.Where(s => s.Status >= 500).Select(s => s.Case).Distinct().ToList();
        Assert.Empty(serverErrors);
        Assert.All(statuses, s => Assert.InRange(s.Status, 400, 499));
        Assert.Equal(200, hubErrors);
        Assert.Equal(balancesBefore, await Balances(ids));
        var after = await fixture.PublicSnapshot(table);
        Assert.Equal(before.TableVersion, after.TableVersion);
        Assert.Equal(before.View.Seats.Select(s => (s.PlayerId, s.Stack)), after.View.Seats.Select(s => (s.PlayerId, s.Stack)));
    }

    private async Task<long[]> Balances(long[] ids) =>
        await Task.WhenAll(ids.Select(async id => (await fixture.Grains.GetGrain<IPlayerGrain>(id).Get()).Balance));
}
