namespace Orleans.Poker.Migrations.Tests;

/// <summary>A temporary folder of extra migration scripts, deleted on dispose.</summary>
public sealed class ScriptFolder : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("poker-migrations-");

    /// <summary>The folder's path.</summary>
    public string Path => directory.FullName;

    /// <summary>Writes a script file into the folder.</summary>
    public ScriptFolder With(string fileName, string sql)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), sql);
        return this;
    }

    /// <inheritdoc />
    public void Dispose() => directory.Delete(recursive: true);
}
