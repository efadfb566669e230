namespace Orleans.Poker.Deploy.Tests;

/// <summary>A <c>KEY=value</c> file (.env.example): comments and blank lines skipped.</summary>
public static class EnvFile
{
    public static IReadOnlyDictionary<string, string> Read(string relative) =>
        Repo.Read(relative).Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);

    public static IReadOnlySet<string> Keys(string relative) => Read(relative).Keys.ToHashSet();
}
