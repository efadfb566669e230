using YamlDotNet.RepresentationModel;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>The documents of infra/k8s: those kustomization.yaml applies, and the examples beside them.</summary>
public static class KubernetesManifests
{
    public const string Folder = "infra/k8s";

    public static IReadOnlyList<string> Resources { get; } =
        YamlFiles.Load($"{Folder}/kustomization.yaml").Single().Seq("resources").Select(r => ((YamlScalarNode)r).Value!).ToList();

    /// <summary>Every applied document.</summary>
    public static IReadOnlyList<YamlMappingNode> Applied { get; } = Resources.SelectMany(r => YamlFiles.Load($"{Folder}/{r}")).ToList();

    public static YamlMappingNode Find(string kind, string name) =>
        Applied.Single(d => d.Str("kind") == kind && d.At("metadata").Str("name") == name);

    public static IEnumerable<YamlMappingNode> OfKind(string kind) => Applied.Where(d => d.Str("kind") == kind);

    /// <summary>The pod spec of a Deployment or Job.</summary>
    public static YamlNode PodSpec(YamlNode workload) => workload.At("spec", "template", "spec")!;

    /// <summary>Every container and init container of every workload, with the workload's name.</summary>
    public static IEnumerable<(string Workload, YamlNode Container)> Containers() =>
        Applied.Where(d => d.Str("kind") is "Deployment" or "Job")
            .SelectMany(d => PodSpec(d).Seq("containers").Concat(PodSpec(d).Seq("initContainers")).Select(c => (d.At("metadata").Str("name")!, c)));

    /// <summary>A container's environment: its ConfigMaps' data, then its own env (values, or "secret:name/key").</summary>
    public static IReadOnlyDictionary<string, string> Environment(YamlNode container)
    {
        var environment = new Dictionary<string, string>();
        foreach (var source in container.Seq("envFrom"))
        {
            var name = source.Map("configMapRef").Str("name");
            foreach (var (key, value) in Find("ConfigMap", name!).Map("data").Entries())
            {
                environment[key] = ((YamlScalarNode)value).Value ?? "";
            }
        }

        foreach (var variable in container.Seq("env"))
        {
            var secret = variable.At("valueFrom", "secretKeyRef");
            var field = variable.At("valueFrom", "fieldRef");
            environment[variable.Str("name")!] = secret is not null ? $"secret:{secret.Str("name")}/{secret.Str("key")}"
                : field is not null ? $"field:{field.Str("fieldPath")}"
                : variable.Str("value") ?? "";
        }

        return environment;
    }
}
