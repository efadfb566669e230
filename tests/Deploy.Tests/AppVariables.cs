using System.Reflection;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Bot;
using Orleans.Poker.Grains.Players;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// The environment variables the applications read, collected from the options types they bind
/// (<see cref="PokerOptions"/>, and the silo's <see cref="PlayerOptions"/>, <see cref="ReferralOptions"/> and
/// <see cref="AnalyticsOptions"/> and <see cref="InsightOptions"/>), and
/// what each process needs set in production.
/// </summary>
public static class AppVariables
{
    private const string Prefix = PokerOptions.SectionName + "__";

    /// <summary>Every <c>POKER__Section__Key</c> some process binds.</summary>
    public static IReadOnlySet<string> All { get; } = Collect();

    /// <summary>What a process of each kind must be given in production (the rest has working defaults).</summary>
    public static IReadOnlyDictionary<string, string[]> RequiredInProduction { get; } = new Dictionary<string, string[]>
    {
        ["migrations"] = ["POKER__Storage__Postgres"],
        // Both settings make production mode (Redis clustering, PostgreSQL storage, JSON logs, guest sign-in off).
        ["silo"] = ["POKER__Storage__Postgres", "POKER__Cluster__Redis", "POKER__Http__Host"],
        // Behind a proxy the gateway must know it, or every anonymous client shares the proxy's rate limits.
        ["gateway"] = ["POKER__Storage__Postgres", "POKER__Cluster__Redis", "POKER__Http__Host", "POKER__Http__TrustedProxies", "POKER__Auth__JwtKey", "POKER__Auth__BotToken"],
        ["bot"] = ["POKER__Storage__Postgres", "POKER__Cluster__Redis", "POKER__Http__Host", "POKER__Bot__Token", "POKER__Bot__WebhookUrl", "POKER__Bot__WebhookSecret"],
    };

    /// <summary>The names of settings whose values are secrets: never a literal in a committed file.</summary>
    public static IReadOnlySet<string> Secrets { get; } = new HashSet<string>
    {
        "POKER__Storage__Postgres", "POKER__Cluster__Redis", "POKER__Auth__JwtKey", "POKER__Auth__BotToken", "POKER__Bot__Token", "POKER__Bot__WebhookSecret",
        "POKER__Auth__JwtAcceptedKeys", "POKER__Bot__AcceptedWebhookSecrets", "POKER__Auth__OperationsToken",
    };

    /// <summary>The HTTP port a process listens on (health and its service) given its environment.</summary>
    public static int HttpPort(string service, IReadOnlyDictionary<string, string> environment)
    {
        int? Set(string name) => environment.TryGetValue(name, out var value) && int.TryParse(value, out var port) ? port : null;
        return service switch
        {
            "silo" => Set("POKER__Http__Port") ?? new HttpSettings().Port,
            "gateway" => Set("POKER__Http__Port") ?? Gateway.GatewayHost.DefaultPort,
            "bot" => Set("POKER__Bot__Port") ?? new BotSettings().Port,
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "no HTTP port"),
        };
    }

    public static bool IsPokerVariable(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    private static HashSet<string> Collect()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in typeof(PokerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            Add(names, section.Name, section.PropertyType);
        }

        Add(names, PokerOptions.PlayersSection, typeof(PlayerOptions));
        Add(names, PokerOptions.ReferralSection, typeof(ReferralOptions));
        Add(names, PokerOptions.AnalyticsSection, typeof(AnalyticsOptions));
        Add(names, $"{PokerOptions.AnalyticsSection}__{InsightOptions.SectionName}", typeof(InsightOptions));
        return names;
    }

    private static void Add(HashSet<string> names, string section, Type settings)
    {
        foreach (var key in settings.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetSetMethod() is not null))
        {
            names.Add($"{Prefix}{section}__{key.Name}");
        }
    }
}
