using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// Rotating the token signing key signs nobody out: gateways of each phase of the rotation (old key; old key signing
/// with the new one accepted; new key signing with the old one accepted; new key alone) share one cluster, as a
/// rolling restart has them, and a player's tokens keep working across them.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class KeyRotationTests(GatewayFixture fixture)
{
    private const string OldKey = "rotation-test-old-key-0123456789abcdefghij";
    private const string NewKey = "rotation-test-new-key-0123456789abcdefghij";

    [Fact]
    public async Task Tokens_signed_before_a_key_rotation_keep_working_through_every_phase_of_it()
    {
        await using var before = await Gateway(OldKey, accepted: null);
        await using var rollingOut = await Gateway(OldKey, accepted: NewKey);
        await using var rotated = await Gateway(NewKey, accepted: OldKey);
        var signedIn = await SignInGuest(before);

        // Phase 1: gateways that learned the new key still sign with the old one; everyone accepts both.
        Assert.Equal(HttpStatusCode.OK, await Me(rollingOut, signedIn.AccessToken));
        var refreshedDuringRollout = await Refresh(rollingOut, signedIn.RefreshToken);

        // Phase 2: the new key signs; tokens of the old key (access and refresh) still work.
        Assert.Equal(HttpStatusCode.OK, await Me(rotated, signedIn.AccessToken));
        var refreshedAfter = await Refresh(rotated, refreshedDuringRollout.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, await Me(rollingOut, refreshedAfter.AccessToken));

        Assert.Equal(signedIn.Player.Profile.PlayerId, refreshedAfter.Player.Profile.PlayerId);
    }

    [Fact]
    public async Task A_key_no_longer_in_the_ring_verifies_nothing()
    {
        await using var before = await Gateway(OldKey, accepted: null);
        await using var after = await Gateway(NewKey, accepted: null);
        var signedIn = await SignInGuest(before);

        using var http = Client(after);
        var refresh = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = signedIn.RefreshToken });

        Assert.Equal(HttpStatusCode.Unauthorized, await Me(after, signedIn.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_reused_after_a_rotation_revokes_the_generations_issued_under_either_key()
    {
        await using var before = await Gateway(OldKey, accepted: null);
        await using var rotated = await Gateway(NewKey, accepted: OldKey);
        var signedIn = await SignInGuest(before);
        var first = await Refresh(before, signedIn.RefreshToken);
        var second = await Refresh(rotated, first.RefreshToken);

        // The first token again (stolen and replayed): the family is revoked, the newest generation with it.
        using var http = Client(rotated);
        var replay = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = signedIn.RefreshToken });
        var newest = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second.RefreshToken });

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, newest.StatusCode);
    }

    private async Task<WebApplication> Gateway(string key, string? accepted)
    {
        var options = new PokerOptions
        {
            Auth = new AuthSettings { BotToken = GatewayFixture.BotToken, GuestSignIn = true, JwtKey = key, JwtAcceptedKeys = accepted },
            Gateway = fixture.Options.Gateway,
        };
        return await GatewayFixture.StartGateway(fixture.Cluster.Client, options);
    }

    private static HttpClient Client(WebApplication gateway, string? accessToken = null)
    {
        var http = gateway.GetTestServer().CreateClient();
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return http;
    }

    private static async Task<AuthResponse> SignInGuest(WebApplication gateway)
    {
        using var http = Client(gateway);
        var response = await http.PostAsJsonAsync("/api/auth/guest", new { name = "Rotor" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AuthResponse>(GatewayFixture.Json))!;
    }

    private static async Task<AuthResponse> Refresh(WebApplication gateway, string refreshToken)
    {
        using var http = Client(gateway);
        var response = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AuthResponse>(GatewayFixture.Json))!;
    }

    private static async Task<HttpStatusCode> Me(WebApplication gateway, string accessToken)
    {
        using var http = Client(gateway, accessToken);
        using var response = await http.GetAsync(new Uri("/api/players/me", UriKind.Relative));
        return response.StatusCode;
    }
}
