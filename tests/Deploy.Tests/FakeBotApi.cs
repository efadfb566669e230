using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>Telegram's Bot API as far as a starting bot needs it (getMe, setMyCommands, setWebhook), on loopback.</summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeBotApi(WebApplication app, int port)
    {
        this.app = app;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public static async Task<FakeBotApi> StartAsync()
    {
        var port = Cluster.Tests.ServerProcesses.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/{**path}", (string path) => path.EndsWith("/getMe", StringComparison.Ordinal)
            ? Results.Text("""{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"Poker","username":"poker_deploy_bot"}}""", "application/json")
            : Results.Text("""{"ok":true,"result":true}""", "application/json"));
        await app.StartAsync();
        return new FakeBotApi(app, port);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
