using System.Reflection;
using System.Text;
using DbUp.Engine;

namespace Orleans.Poker.Migrations;

/// <summary>Loads the scripts: the embedded ones, named by file name, plus an optional folder.</summary>
internal static class MigrationScripts
{
    public static IReadOnlyList<SqlScript> Load(string? extraScriptsDirectory)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .Select(name => FromResource(assembly, name))
            .ToList();

        if (!string.IsNullOrEmpty(extraScriptsDirectory))
        {
            if (!Directory.Exists(extraScriptsDirectory))
            {
                throw new DirectoryNotFoundException($"Scripts folder not found: {extraScriptsDirectory}");
            }

            scripts.AddRange(Directory.EnumerateFiles(extraScriptsDirectory, "*.sql")
                .Select(path => new SqlScript(Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8))));
        }

        var duplicate = scripts.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migration scripts are named {duplicate.Key}.");
        }

        return scripts.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    private static SqlScript FromResource(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded script {resourceName} cannot be read.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new SqlScript(resourceName, reader.ReadToEnd());
    }
}
