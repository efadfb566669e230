namespace Orleans.Poker.TestSupport;

/// <summary>
/// Locates the shared corpus folder (<c>shared/</c> with <c>phh/</c> and <c>ranking/</c>) that sits beside the
/// repository: walk up from the test binaries to the directory holding <c>Orleans.Poker.sln</c>, then <c>../shared</c>.
/// The environment variable <c>POKER_SHARED_DIR</c> overrides the search.
/// </summary>
public static class SharedFolder
{
    public const string EnvironmentVariable = "POKER_SHARED_DIR";

    private static readonly Lazy<string> Located = new(Locate);

    /// <summary>Absolute path of the shared folder. Throws when it cannot be found.</summary>
    public static string Path => Located.Value;

    /// <summary>The folders listed in a <c>:</c>-separated environment variable (empty entries skipped).</summary>
    public static IReadOnlyList<string> ExtraFolders(string environmentVariable)
    {
        var value = Environment.GetEnvironmentVariable(environmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        return value
            .Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(System.IO.Path.GetFullPath)
            .ToArray();
    }

    private static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            var full = System.IO.Path.GetFullPath(overridden);
            return Directory.Exists(full)
                ? full
                : throw new DirectoryNotFoundException($"{EnvironmentVariable}='{overridden}' does not exist");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Orleans.Poker.sln")))
            {
                var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(shared)
                    ? shared
                    : throw new DirectoryNotFoundException($"no shared folder beside the repository: '{shared}' (set {EnvironmentVariable})");
            }
        }

        throw new DirectoryNotFoundException(
            $"Orleans.Poker.sln not found above '{AppContext.BaseDirectory}'; set {EnvironmentVariable} to the shared folder");
    }
}
