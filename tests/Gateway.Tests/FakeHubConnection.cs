using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Gateway.Hubs;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>A signed-in player's hub connection, to call the hub guard without SignalR: it counts its aborts.</summary>
internal sealed class FakeHubConnection(long playerId) : HubCallerContext
{
    private int aborts;

    public bool Aborted => Aborts > 0;

    public int Aborts => Volatile.Read(ref aborts);

    public override string ConnectionId { get; } = Guid.NewGuid().ToString("N");

    public override string? UserIdentifier => null;

    public override ClaimsPrincipal? User { get; } =
        new(new ClaimsIdentity([new Claim(Auth.PokerClaims.PlayerId, playerId.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));

    public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public override IFeatureCollection Features { get; } = new FeatureCollection();

    public override CancellationToken ConnectionAborted => CancellationToken.None;

    public override void Abort() => Interlocked.Increment(ref aborts);

    /// <summary>A call of the hub's <c>Unwatch("t")</c> on this connection.</summary>
    public HubInvocationContext Invocation() =>
        new(this, new ServiceCollection().BuildServiceProvider(), new TableHub(null!), typeof(TableHub).GetMethod(nameof(TableHub.Unwatch))!, ["t"]);
}
