using Orleans.Poker.Gateway;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;
using Serilog;

// The standalone gateway: an Orleans cluster client serving REST, SignalR and the web client. Run as many as needed
// behind a proxy; with POKER__Cluster__Redis they find the silos through Redis and share a SignalR backplane.
var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(PokerOptions.SectionName).Get<PokerOptions>() ?? new PokerOptions();
if (builder.Configuration[$"{PokerOptions.SectionName}:Http:Port"] is null)
{
    options.Http.Port = GatewayHost.DefaultPort;
}

builder.AddPokerLogging(options);
builder.AddStandaloneGateway(options);

var app = builder.Build();
app.MapStandaloneGateway();
app.Lifetime.ApplicationStarted.Register(() => Log.ForContext<Program>().Information(
    "Gateway for {ServiceId}/{ClusterId} listening on http://{Host}:{Port}", options.Cluster.ServiceId, options.Cluster.ClusterId, options.Http.Host, options.Http.Port));
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
