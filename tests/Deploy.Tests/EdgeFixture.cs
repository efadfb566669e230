using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// nginx with infra/nginx/poker.conf on loopback in front of real processes on the embedded default: a silo with its
/// co-hosted gateway, a standalone gateway and a standalone bot (both cluster clients of that silo; the bot talks to a
/// fake Bot API). The two gateways share the JWT key, as production gateways do. Everything is stopped by PID.
/// </summary>
public sealed class EdgeFixture : IAsyncLifetime
{
    public const string WebhookSecret = "deploy-test-webhook-secret";
    private const string JwtKey = "deploy-tests-jwt-signing-key-0123456789abcdef";

    private FakeBotApi? botApi;

    public AppProcess Silo { get; private set; } = null!;

    public AppProcess Gateway { get; private set; } = null!;

    public AppProcess Bot { get; private set; } = null!;

    public NginxSite Nginx { get; private set; } = null!;

    public Uri Https => new($"https://127.0.0.1:{Nginx.HttpsPort}");

    public async Task InitializeAsync()
    {
        botApi = await FakeBotApi.Start();
        var gatewayPort = Port();
        Silo = await AppProcess.StartAsync("silo", Repo.BuiltDll("Silo", "Orleans.Poker.Silo.dll"), "POKER__Http__Port", new Dictionary<string, string>
        {
            ["POKER__Cluster__SiloPort"] = Port(),
            ["POKER__Cluster__GatewayPort"] = gatewayPort,
            ["POKER__Auth__JwtKey"] = JwtKey,
            ["POKER__Http__TrustedProxies"] = "127.0.0.1",
        });
        var client = new Dictionary<string, string>
        {
            ["POKER__Cluster__GatewayPort"] = gatewayPort,
            ["POKER__Auth__JwtKey"] = JwtKey,
        };
        var gateway = AppProcess.StartAsync("gateway", Repo.BuiltDll("Gateway", "Orleans.Poker.Gateway.dll"), "POKER__Http__Port", new Dictionary<string, string>(client)
        {
            ["POKER__Http__TrustedProxies"] = "127.0.0.1",
        });
        var bot = AppProcess.StartAsync("bot", Repo.BuiltDll("BotFrontend", "Orleans.Poker.BotFrontend.dll"), "POKER__Bot__Port", new Dictionary<string, string>(client)
        {
            ["POKER__Bot__Token"] = "123456:deploy-test-token",
            ["POKER__Bot__WebhookUrl"] = "https://localhost/telegram/webhook",
            ["POKER__Bot__WebhookSecret"] = WebhookSecret,
            ["POKER__Bot__ApiBaseUrl"] = botApi.BaseUrl,
        });
        Gateway = await gateway;
        Bot = await bot;
        Nginx = new NginxSite($"127.0.0.1:{Silo.HttpPort} 127.0.0.1:{Gateway.HttpPort}", $"127.0.0.1:{Bot.HttpPort}");
        var render = Nginx.Render();
        if (render.ExitCode != 0)
        {
            throw new InvalidOperationException("render.sh failed: " + render.Error);
        }

        await Nginx.Start();
    }

    /// <summary>A client of nginx that trusts exactly the test certificate and follows no redirect.</summary>
    public HttpMessageHandler Handler() => NginxClient.Handler(Trusts);

    public HttpClient Client() => NginxClient.Client(Https, Trusts);

    /// <summary>A client of nginx connecting from another loopback address (127.0.0.2, ...): another client to nginx.</summary>
    public HttpClient ClientFrom(System.Net.IPAddress source) => NginxClient.Client(Https, Trusts, source);

    public bool Trusts(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHashString() == Nginx.Certificate.GetCertHashString();

    private static string Port() => ServerProcesses.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        Nginx?.Dispose();
        Bot?.Dispose();
        Gateway?.Dispose();
        Silo?.Dispose();
        if (botApi is not null)
        {
            await botApi.DisposeAsync();
        }
    }
}
