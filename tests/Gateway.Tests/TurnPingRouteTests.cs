using System.Net;
using System.Net.Http.Json;
using System.Text;
using Orleans.Poker.Grains.Interfaces.Pings;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>Turn pings at the gateway: a hub connection watching a table makes its player present there; the settings route.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TurnPingRouteTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_player_watching_a_table_on_the_hub_is_present_there_until_their_connection_closes()
    {
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId(), "Watcher");
        var playerId = player.Player.Profile.PlayerId;
        var tableId = (await fixture.CreateTable(player.AccessToken, await fixture.NewTemplate())).Table.TableId;
        var presence = fixture.Grains.GetGrain<ITablePresenceGrain>(tableId);
        var before = await presence.IsPresent(playerId);

        await using (var client = await TableClient.Connect(fixture.Server, player.AccessToken, playerId))
        {
            await client.Watch(tableId);
            await BoundedWait.Until(() => presence.IsPresent(playerId), "presence once the table is watched");
        }

        await BoundedWait.Until(async () => !await presence.IsPresent(playerId), "absence once the connection closed");
        Assert.False(before);
    }

    [Fact]
    public async Task The_settings_route_turns_pings_off_and_refuses_bad_input_without_changing_anything()
    {
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId(), "Settings");
        using var http = fixture.Http(player.AccessToken);

        var initial = await http.GetFromJsonAsync<PlayerSettings>("/api/players/me/settings", GatewayFixture.Json);
        var off = await http.PutAsJsonAsync("/api/players/me/settings", new { turnPings = false });
        var missing = await http.PutAsJsonAsync("/api/players/me/settings", new { });
        var wrongType = await http.PutAsync("/api/players/me/settings", new StringContent("""{"turnPings":"maybe"}""", Encoding.UTF8, "application/json"));
        var after = await http.GetFromJsonAsync<PlayerSettings>("/api/players/me/settings", GatewayFixture.Json);

        Assert.Equal(new PlayerSettings(true), initial);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(new PlayerSettings(false), await off.Content.ReadFromJsonAsync<PlayerSettings>(GatewayFixture.Json));
        await Problems.AssertProblem(missing, HttpStatusCode.BadRequest, mentions: "turnPings");
        await Problems.AssertProblem(wrongType, HttpStatusCode.BadRequest);
        Assert.Equal(new PlayerSettings(false), after);
    }
}
