using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Tests;

/// <summary><c>/api/tables/{id}/host/*</c>: a table's creator hosts it; everyone else is refused and nothing changes.</summary>
[Collection(GatewayCollection.Name)]
public sealed class HostRouteTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_host_changes_settings_pauses_resumes_kicks_and_closes_and_each_action_is_audited()
    {
        var host = await fixture.SignInGuest("Host");
        var guest = await fixture.SignInGuest("Guest");
        var tableId = (await fixture.CreateTable(host.AccessToken, await fixture.NewTemplate())).Table.TableId;
        await fixture.Sit(host.AccessToken, tableId, 0);
        await fixture.Sit(guest.AccessToken, tableId, 1, buyIn: 150);
        var guestId = guest.Player.Profile.PlayerId;
        var balance = await Balance(guest.AccessToken);
        using var http = fixture.Http(host.AccessToken);

        var settings = await http.GetFromJsonAsync<HostSettings>($"/api/tables/{tableId}/host", GatewayFixture.Json);
        var changed = await http.PostAsJsonAsync($"/api/tables/{tableId}/host/settings", new { bigBlind = 4, turnTimeSeconds = 30 });
        var next = (await changed.Content.ReadFromJsonAsync<HostSettings>(GatewayFixture.Json))!.Next;
        var pause = await http.PostAsync($"/api/tables/{tableId}/host/pause", null);
        var paused = (await fixture.PublicSnapshot(tableId)).View;
        var resume = await http.PostAsync($"/api/tables/{tableId}/host/resume", null);
        var kick = await http.PostAsJsonAsync($"/api/tables/{tableId}/host/kick", new { playerId = guestId });
        var cashedOut = (await kick.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount").GetInt64();
        var close = await http.PostAsync($"/api/tables/{tableId}/host/close", null);
        var audit = await fixture.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(AdminId: host.Player.Profile.PlayerId, Take: 20));

        Assert.Equal((1, 2, 8), (settings!.Current.SmallBlind, settings.Current.BigBlind, settings.MaxBigBlind));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(new TableSettings(2, 4, TimeSpan.FromSeconds(30)), next);
        Assert.Equal(HttpStatusCode.NoContent, pause.StatusCode);
        Assert.Equal((TableStatus.Paused, next), (paused.Status, paused.NextSettings));
        Assert.Equal(HttpStatusCode.NoContent, resume.StatusCode);
        Assert.Equal(150, cashedOut);
        Assert.Equal(balance + 150, await Balance(guest.AccessToken));
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        Assert.Equal(TableStatus.Ended, (await fixture.PublicSnapshot(tableId)).View.Status);
        Assert.Equal(["host.close", "host.kick", "host.resume", "host.pause", "host.settings"], audit.Where(e => e.Target == tableId).Select(e => e.Action));
    }

    [Fact]
    public async Task Host_routes_refuse_others_unknown_tables_and_players_and_bad_input_and_change_nothing()
    {
        var host = await fixture.SignInGuest("Host");
        var other = await fixture.SignInGuest("Other");
        var tableId = (await fixture.CreateTable(host.AccessToken, await fixture.NewTemplate())).Table.TableId;
        await fixture.Sit(other.AccessToken, tableId, 1);
        var before = await fixture.PublicSnapshot(tableId);
        using var stranger = fixture.Http(other.AccessToken);
        using var http = fixture.Http(host.AccessToken);
        var otherId = other.Player.Profile.PlayerId;

        var forbidden = new[]
        {
            await stranger.GetAsync($"/api/tables/{tableId}/host"),
            await stranger.PostAsync($"/api/tables/{tableId}/host/pause", null),
            await stranger.PostAsync($"/api/tables/{tableId}/host/resume", null),
            await stranger.PostAsJsonAsync($"/api/tables/{tableId}/host/kick", new { playerId = otherId }),
            await stranger.PostAsJsonAsync($"/api/tables/{tableId}/host/settings", new { bigBlind = 4 }),
            await stranger.PostAsync($"/api/tables/{tableId}/host/close", null),
        };
        foreach (var response in forbidden)
        {
            await Problems.AssertProblem(response, HttpStatusCode.Forbidden, "forbidden");
        }

        await Problems.AssertProblem(await http.PostAsync("/api/tables/no-such-table/host/pause", null), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"/api/tables/{tableId}/host/kick", new { playerId = 123_456_789 }), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"/api/tables/{tableId}/host/kick", new { playerId = 0 }), HttpStatusCode.BadRequest, "invalid_input", "playerId");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"/api/tables/{tableId}/host/kick", new { playerId = host.Player.Profile.PlayerId }), HttpStatusCode.BadRequest, "cannot_kick_self");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"/api/tables/{tableId}/host/settings", new { }), HttpStatusCode.BadRequest, "invalid_input", "bigBlind");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"/api/tables/{tableId}/host/settings", new { bigBlind = -4 }), HttpStatusCode.BadRequest, "invalid_input", "bigBlind");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"/api/tables/{tableId}/host/settings", new { turnTimeSeconds = 0 }), HttpStatusCode.BadRequest, "invalid_input", "turnTimeSeconds");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"/api/tables/{tableId}/host/settings", new { bigBlind = 100 }), HttpStatusCode.BadRequest, "out_of_limits", "between 2 and 8");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"/api/tables/{tableId}/host/settings", new { turnTimeSeconds = 600 }), HttpStatusCode.BadRequest, "out_of_limits");
        await Problems.AssertProblem(await http.PostAsync("/api/tables/bad%20id!/host/close", null), HttpStatusCode.BadRequest, "invalid_input", "tableId");
        var after = await fixture.PublicSnapshot(tableId);
        var audit = await fixture.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(AdminId: host.Player.Profile.PlayerId, Take: 20));

        Assert.Equal(before.EventSeq, after.EventSeq);
        // Bad input (settings out of the limits, the host kicking themselves) is refused before its audit entry and leaves
        // nothing in the log; only the kick of a player who is not seated, which the table alone knows, is refused after it.
        Assert.Equal(["host.kick.failed", "host.kick"], audit.Where(e => e.Target == tableId).Select(e => e.Action));
        Assert.Equal(otherId, after.View.Seats[1].PlayerId);
        Assert.Equal(TableStatus.Waiting, after.View.Status);
        Assert.Null(after.View.NextSettings);
    }

    private async Task<long> Balance(string accessToken)
    {
        using var http = fixture.Http(accessToken);
        return (await http.GetFromJsonAsync<JsonElement>("/api/players/me/balance")).GetProperty("amount").GetInt64();
    }
}
