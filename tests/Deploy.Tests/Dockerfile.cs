using System.Text.RegularExpressions;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// infra/docker/Dockerfile read into stages of instructions (continuation lines joined, comments dropped), enough to
/// check what each target copies, runs as, exposes and checks.
/// </summary>
public sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerStage> stages) => Stages = stages;

    public IReadOnlyList<DockerStage> Stages { get; }

    public static Dockerfile Load(string relative = "infra/docker/Dockerfile")
    {
        var stages = new List<DockerStage>();
        var joined = Regex.Replace(Repo.Read(relative), @"\\\r?\n", " ");
        foreach (var raw in joined.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var instruction = new DockerInstruction(line[..space].ToUpperInvariant(), line[(space + 1)..].Trim());
            if (instruction.Keyword == "FROM")
            {
                var from = FromPattern().Match(instruction.Arguments);
                stages.Add(new DockerStage(from.Groups["name"].Value, from.Groups["image"].Value, []));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Instructions.Add(instruction);
            }
        }

        return new Dockerfile(stages);
    }

    public DockerStage Stage(string name) => Stages.Single(s => s.Name == name);

    /// <summary>A stage and the stages it is built FROM, nearest first.</summary>
    public IEnumerable<DockerStage> Lineage(string name)
    {
        for (var stage = Stages.SingleOrDefault(s => s.Name == name); stage is not null; stage = Stages.SingleOrDefault(s => s.Name == stage.Image))
        {
            yield return stage;
        }
    }

    /// <summary>The last value of an instruction in the stage or what it inherits (USER, HEALTHCHECK, ENTRYPOINT).</summary>
    public string? Effective(string stage, string keyword) =>
        Lineage(stage).Select(s => s.Instructions.LastOrDefault(i => i.Keyword == keyword)?.Arguments).FirstOrDefault(a => a is not null);

    /// <summary>The ENV a target's processes start with (inherited stages first, overridden by nearer ones).</summary>
    public IReadOnlyDictionary<string, string> Environment(string stage)
    {
        var environment = new Dictionary<string, string>();
        foreach (var instruction in Lineage(stage).Reverse().SelectMany(s => s.Instructions).Where(i => i.Keyword == "ENV"))
        {
            foreach (Match pair in EnvPattern().Matches(instruction.Arguments))
            {
                environment[pair.Groups["name"].Value] = pair.Groups["value"].Value.Trim('"');
            }
        }

        return environment;
    }

    [GeneratedRegex(@"^(?:--\S+\s+)*(?<image>\S+)(?:\s+AS\s+(?<name>\S+))?", RegexOptions.IgnoreCase)]
    private static partial Regex FromPattern();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>""[^""]*""|\S+)")]
    private static partial Regex EnvPattern();
}
