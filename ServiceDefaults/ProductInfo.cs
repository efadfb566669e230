using System.Reflection;

namespace Orleans.Poker.ServiceDefaults;

/// <summary>
/// The product's name and version as stamped into the assemblies (<c>&lt;Version&gt;</c> in Directory.Build.props):
/// what health answers and the first log line of every process show.
/// </summary>
public static class ProductInfo
{
    public const string Name = "Orleans.Poker";

    private static readonly string Informational =
        typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The semantic version (<c>0.4.0</c>), without build metadata.</summary>
    public static string Version { get; } = Informational.Split('+', 2)[0];

    /// <summary>The commit the binaries were built from (the informational version's <c>+metadata</c>), or null.</summary>
    public static string? Commit { get; } = Informational.Split('+', 2) is [_, { Length: > 0 } commit] ? commit : null;

    /// <summary>
    /// The short service name of a host from its application (assembly) name: <c>Orleans.Poker.Silo</c> becomes
    /// <c>Silo</c>, <c>Orleans.Poker.BotFrontend</c> becomes <c>Bot</c>.
    /// </summary>
    public static string ServiceName(string applicationName)
    {
        var name = applicationName.StartsWith(Name + ".", StringComparison.Ordinal) ? applicationName[(Name.Length + 1)..] : applicationName;
        return name == "BotFrontend" ? "Bot" : name;
    }
}
