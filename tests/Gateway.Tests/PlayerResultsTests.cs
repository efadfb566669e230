using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class PlayerResultsTests(GatewayFixture fixture)
{
    private const long Big = 1_000_000_000;

    [Fact]
    public async Task A_player_reads_their_own_results_and_leaderboard_place_and_the_lobby_the_tables_activity()
    {
        var (winner, loser) = (await fixture.SignInGuest("Win"), await fixture.SignInGuest("Lose"));
        var table = (await fixture.CreateTable(winner.AccessToken, await fixture.NewTemplate())).Table.TableId;
        await StoreHand(table, 1, [winner.Player.Profile.PlayerId, loser.Player.Profile.PlayerId], [Big, Big], [2 * Big - 10, 10], pot: 2 * Big);
        await StoreHand(table, 2, [loser.Player.Profile.PlayerId, winner.Player.Profile.PlayerId], [100, 100], [120, 80], pot: 40);
        using var http = fixture.Http(winner.AccessToken);

        var results = await http.GetFromJsonAsync<JsonElement>("/api/players/me/results");
        var board = await http.GetFromJsonAsync<JsonElement>("/api/leaderboards?period=all&by=profit&take=3");
        var activity = await http.GetFromJsonAsync<JsonElement>("/api/lobby/activity");

        Assert.Equal((2, 1, Big - 10 - 20), (results.GetProperty("hands").GetInt32(), results.GetProperty("handsWon").GetInt32(), results.GetProperty("net").GetInt64()));
        Assert.Equal([Big - 10, Big - 30], results.GetProperty("profit").EnumerateArray().Select(p => p.GetProperty("cumulative").GetInt64()));
        Assert.Equal(2, Assert.Single(results.GetProperty("sessions").EnumerateArray()).GetProperty("hands").GetInt32());
        Assert.Equal(2 * Big, Assert.Single(results.GetProperty("biggestPots").EnumerateArray()).GetProperty("pot").GetInt64());
        var own = board.GetProperty("own");
        Assert.Equal((1, "Win"), (own.GetProperty("rank").GetInt32(), own.GetProperty("displayName").GetString()));
        Assert.Equal(winner.Player.Profile.PlayerId, board.GetProperty("top")[0].GetProperty("playerId").GetInt64());
        Assert.True(board.GetProperty("top").GetArrayLength() <= 3);
        var card = Assert.Single(activity.EnumerateArray(), a => a.GetProperty("tableId").GetString() == table);
        Assert.Equal((2, Big + 20), (card.GetProperty("handsLastHour").GetInt32(), card.GetProperty("averagePot").GetInt64()));
    }

    [Fact]
    public async Task A_player_without_hands_gets_zeros_and_no_own_place()
    {
        var player = await fixture.SignInGuest("New");
        using var http = fixture.Http(player.AccessToken);

        var results = await http.GetFromJsonAsync<JsonElement>("/api/players/me/results");
        var board = await http.GetFromJsonAsync<JsonElement>("/api/leaderboards?period=week&by=hands");

        Assert.Equal(0, results.GetProperty("hands").GetInt32());
        Assert.Equal(0, results.GetProperty("profit").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, board.GetProperty("own").ValueKind);
        Assert.Equal(("Week", "Hands"), (board.GetProperty("period").GetString(), board.GetProperty("by").GetString()));
    }

    [Fact]
    public async Task Only_admins_read_another_players_results()
    {
        var (player, other, admin) = (await fixture.SignInGuest(), await fixture.SignInGuest(), await fixture.SignInAdmin());
        var url = $"/api/admin/players/{other.Player.Profile.PlayerId}/results";
        using var asPlayer = fixture.Http(player.AccessToken);
        using var asAdmin = fixture.Http(admin.AccessToken);
        using var anonymous = fixture.Http();

        Assert.Equal(HttpStatusCode.Forbidden, (await asPlayer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/players/me/results")).StatusCode);
        Assert.Equal(other.Player.Profile.PlayerId, (await asAdmin.GetFromJsonAsync<JsonElement>(url)).GetProperty("playerId").GetInt64());
        // A player nobody registered: 404, as their other admin routes answer (not an empty page).
        Assert.Equal(HttpStatusCode.NotFound, (await asAdmin.GetAsync("/api/admin/players/987654321987/results")).StatusCode);
    }

    [Theory]
    [InlineData("period=month")]
    [InlineData("period=DAY")]
    [InlineData("by=chips")]
    [InlineData("take=0")]
    [InlineData("take=101")]
    [InlineData("take=many")]
    public async Task A_malformed_leaderboard_request_gets_a_clear_400(string query)
    {
        var player = await fixture.SignInGuest();
        using var http = fixture.Http(player.AccessToken);

        var response = await http.GetAsync($"/api/leaderboards?{query}");

        await Problems.AssertProblem(response, HttpStatusCode.BadRequest);
    }

    private Task StoreHand(string table, long number, long[] players, long[] starting, long[] finishing, long pot)
    {
        var phh = new PhhDocument
        {
            Variant = "NT",
            Antes = [.. players.Select(_ => 0L)],
            BlindsOrStraddles = [1, 2],
            MinBet = 2,
            StartingStacks = [.. starting],
            FinishingStacks = [.. finishing],
        }.ToToml();
        var end = fixture.Time.GetUtcNow();
        var hands = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IHandHistoryStore>();
        return hands.SaveAsync(new HandRecord(table, number, "NT", end.AddSeconds(-30), end, players, pot, 0, phh));
    }
}
