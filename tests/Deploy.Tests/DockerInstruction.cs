namespace Orleans.Poker.Deploy.Tests;

/// <summary>A Dockerfile instruction: its keyword (upper case) and the rest of its line.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments)
{
    /// <summary>The words of the arguments, JSON array form or not, flags (<c>--from=build</c>) included.</summary>
    public IReadOnlyList<string> Words => Arguments.StartsWith('[')
        ? System.Text.Json.JsonSerializer.Deserialize<string[]>(Arguments)!
        : Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
