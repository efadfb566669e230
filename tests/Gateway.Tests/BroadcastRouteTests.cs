using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>The broadcast routes: admins start, watch and cancel one broadcast at a time; anyone else and bad text are refused and change nothing.</summary>
[Collection(GatewayCollection.Name)]
public sealed class BroadcastRouteTests(GatewayFixture fixture)
{
    [Fact]
    public async Task An_admin_starts_one_broadcast_at_a_time_watches_and_cancels_it_and_players_and_bad_text_are_refused()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInGuest();
        using var http = fixture.Http(admin.AccessToken);
        using var mine = fixture.Http(player.AccessToken);
        var grain = fixture.Grains.GetGrain<IBroadcastGrain>(IBroadcastGrain.Key);
        var before = await grain.Get();

        var refused = await mine.PostAsJsonAsync("/api/admin/broadcast", new { text = "free chips" });
        var refusedRead = await mine.GetAsync("/api/admin/broadcast");
        await Problems.AssertProblem(await http.PostAsJsonAsync("/api/admin/broadcast", new { text = "  " }), HttpStatusCode.BadRequest, "invalid_input", "text");
        await Problems.AssertProblem(await http.PostAsJsonAsync("/api/admin/broadcast", new { }), HttpStatusCode.BadRequest, "invalid_input", "text");
        await Problems.AssertProblem(await http.PostAsJsonAsync("/api/admin/broadcast", new { text = new string('x', IBroadcastGrain.MaxTextLength + 1) }), HttpStatusCode.BadRequest, "invalid_input", "text");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedRead.StatusCode);
        Assert.Equal(before, await grain.Get());

        var started = await http.PostAsJsonAsync("/api/admin/broadcast", new { text = "Freeroll tonight\nat 20:00" });
        try
        {
            await Problems.AssertProblem(await http.PostAsJsonAsync("/api/admin/broadcast", new { text = "another" }), HttpStatusCode.Conflict, "broadcast_running");
            var progress = await http.GetFromJsonAsync<JsonElement>("/api/admin/broadcast");

            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
            Assert.Equal("Running", progress.GetProperty("status").GetString());
            Assert.Equal("Freeroll tonight\nat 20:00", progress.GetProperty("text").GetString());
            Assert.Equal(admin.Player.Profile.PlayerId, progress.GetProperty("startedBy").GetInt64());
            Assert.Equal(0, progress.GetProperty("sent").GetInt32());
        }
        finally
        {
            (await http.PostAsync("/api/admin/broadcast/cancel", null)).EnsureSuccessStatusCode();
        }

        var cancelled = await http.GetFromJsonAsync<JsonElement>("/api/admin/broadcast");
        var audit = await fixture.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(AdminId: admin.Player.Profile.PlayerId, Take: 10));
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        await Problems.AssertProblem(await http.PostAsync("/api/admin/broadcast/cancel", null), HttpStatusCode.Conflict, "no_broadcast");
        // The second start was refused (409) after its entry was written; the bad texts were refused before theirs.
        Assert.Equal(["broadcast.cancel", "broadcast.start.failed", "broadcast.start", "broadcast.start"],
            audit.Where(e => e.Action.StartsWith("broadcast.", StringComparison.Ordinal)).Select(e => e.Action));
    }
}
