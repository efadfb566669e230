using System.Diagnostics;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// A throwaway git repository holding what infra/release-check.sh reads (the version files, the changelog, the
/// migration scripts and the script itself), committed once; removed on dispose.
/// </summary>
public sealed class ReleaseTree : IDisposable
{
    private static readonly string[] Files =
    [
        "Directory.Build.props", "WebClient/package.json", "WebClient/package-lock.json", "CHANGELOG.md", "README.md", "infra/release-check.sh",
    ];

    public ReleaseTree()
    {
        Folder = Directory.CreateTempSubdirectory("poker-release-").FullName;
        foreach (var file in Files.Concat(Directory.GetFiles(Repo.PathOf("Migrations/Scripts"), "*.sql").Select(f => Path.GetRelativePath(Repo.Root, f))))
        {
            Write(file, File.ReadAllText(Repo.PathOf(file)));
        }

        Git("init", "-q");
        Commit("release tree");
    }

    public string Folder { get; }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Append(string relative, string text) => File.AppendAllText(Path.Combine(Folder, relative), text);

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=Deploy Tests", "-c", "user.email=deploy-tests@localhost", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
    }

    public void Git(params string[] args)
    {
        var (exitCode, _, error) = Run("git", args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
        }
    }

    /// <summary>Runs the repository's infra/release-check.sh on this tree.</summary>
    public (int ExitCode, string Output, string Error) Check() => Run("bash", Repo.PathOf("infra/release-check.sh"), Folder);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private (int ExitCode, string Output, string Error) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The tree's own repository, not one around it.
        start.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(Folder)!;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
