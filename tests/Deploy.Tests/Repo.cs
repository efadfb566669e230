using System.Reflection;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>Paths and files of the repository under test, and the build configuration of this test assembly.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release under infra/test.sh: the configuration the referenced applications were built in too.</summary>
    public static string Configuration { get; } =
        typeof(Repo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string PathOf(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static bool Exists(string relative) => File.Exists(PathOf(relative)) || Directory.Exists(PathOf(relative));

    /// <summary>A built application's dll: <c>&lt;project&gt;/bin/&lt;Configuration&gt;/net10.0/&lt;name&gt;</c>.</summary>
    public static string BuiltDll(string project, string dll) => PathOf($"{project}/bin/{Configuration}/net10.0/{dll}");

    /// <summary>The product version, <c>&lt;Version&gt;</c> of Directory.Build.props.</summary>
    public static string ProductVersion() =>
        System.Xml.Linq.XDocument.Load(PathOf("Directory.Build.props")).Descendants("Version").Single().Value.Trim();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Orleans.Poker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Orleans.Poker.sln above {AppContext.BaseDirectory}");
    }
}
