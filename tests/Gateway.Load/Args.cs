namespace Orleans.Poker.Gateway.Load;

/// <summary>Minimal <c>--name value</c> / <c>--flag</c> parsing.</summary>
internal sealed class Args(Dictionary<string, string?> values)
{
    public static Args Parse(string[] args)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var name = args[i][2..];
            values[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
        }

        return new Args(values);
    }

    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>The options given that are not among <paramref name="known"/>.</summary>
    public IReadOnlyList<string> Unknown(IEnumerable<string> known) => [.. values.Keys.Except(known, StringComparer.OrdinalIgnoreCase)];

    public string Get(string name, string fallback) => values.TryGetValue(name, out var value) && value is not null ? value : fallback;
}
