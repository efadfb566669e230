using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>YAML documents as YamlDotNet nodes (merge keys resolved), with small accessors for the tests.</summary>
public static class YamlFiles
{
    public static IReadOnlyList<YamlMappingNode> Load(string relative)
    {
        using var reader = new StringReader(Repo.Read(relative));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static YamlNode? Get(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? Map(this YamlNode? node, string key) => node.Get(key) as YamlMappingNode;

    public static IEnumerable<YamlNode> Seq(this YamlNode? node, string key) =>
        node.Get(key) is YamlSequenceNode sequence ? sequence.Children : [];

    public static string? Str(this YamlNode? node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    /// <summary>A path of keys: <c>node.At("spec", "template", "spec")</c>.</summary>
    public static YamlNode? At(this YamlNode? node, params string[] keys) => keys.Aggregate(node, (current, key) => current.Get(key));

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode? node) =>
        node is YamlMappingNode map ? map.Children.Select(c => (((YamlScalarNode)c.Key).Value ?? "", c.Value)) : [];
}
