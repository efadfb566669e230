using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>infra/compose/compose.yaml parsed (anchors and merge keys resolved).</summary>
public sealed partial class ComposeFile
{
    public const string Path = "infra/compose/compose.yaml";

    private ComposeFile(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    /// <summary>Services in file order.</summary>
    public IReadOnlyList<(string Name, YamlNode Service)> Services => Root.Map("services").Entries().ToList();

    public static ComposeFile Load() => new(YamlFiles.Load(Path).Single());

    public YamlNode Service(string name) => Root.Map("services").Get(name) ?? throw new KeyNotFoundException($"no service {name}");

    /// <summary>A service's environment (mapping or KEY=value list form).</summary>
    public IReadOnlyDictionary<string, string> Environment(string name)
    {
        var environment = Service(name).Get("environment");
        return environment switch
        {
            YamlMappingNode map => map.Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value ?? ""),
            YamlSequenceNode list => list.Children.Select(c => ((YamlScalarNode)c).Value!.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
            _ => new Dictionary<string, string>(),
        };
    }

    /// <summary>Every <c>${NAME...}</c> the file interpolates, with its modifier (<c>:?</c>, <c>:-</c> or none).</summary>
    public static IReadOnlyList<(string Name, string Modifier)> Interpolations() =>
        InterpolationPattern().Matches(Repo.Read(Path)).Select(m => (m.Groups["name"].Value, m.Groups["modifier"].Value)).ToList();

    [GeneratedRegex(@"(?<!\$)\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<modifier>:\?|:-|\?|-)?[^}]*\}")]
    private static partial Regex InterpolationPattern();
}
