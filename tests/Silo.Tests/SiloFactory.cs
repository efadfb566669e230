using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Orleans.Poker.Silo.Tests;

/// <summary>The real silo host on the embedded default, on free ports so tests never collide.</summary>
public sealed class SiloFactory : WebApplicationFactory<SiloProgram>
{
    /// <summary>The bot token Telegram sign-ins are signed with (the bot itself stays off).</summary>
    public const string AuthBotToken = "123456:silo-tests";

    /// <summary>The Telegram id that signs in as an admin.</summary>
    public const long AdminTelegramId = 777_000_009;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("POKER:Auth:BotToken", AuthBotToken);
        builder.UseSetting("POKER:Auth:AdminTelegramIds", AdminTelegramId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("POKER:Cluster:SiloPort", ServerProcesses.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("POKER:Cluster:GatewayPort", ServerProcesses.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
