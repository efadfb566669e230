using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Poker.ServiceDefaults;

namespace Orleans.Poker.Deploy.Tests;

public sealed class ReleaseTests
{
    private const string SemVer = @"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$";

    [Theory]
    [InlineData("Silo", "Orleans.Poker.Silo.dll")]
    [InlineData("Gateway", "Orleans.Poker.Gateway.dll")]
    [InlineData("BotFrontend", "Orleans.Poker.BotFrontend.dll")]
    [InlineData("Migrations", "Orleans.Poker.Migrations.dll")]
    public void Every_binary_carries_the_product_version(string project, string dll)
    {
        var version = Repo.ProductVersion();
        var info = FileVersionInfo.GetVersionInfo(Repo.BuiltDll(project, dll));

        Assert.Matches(SemVer, version);
        Assert.Equal(version, info.ProductVersion!.Split('+')[0]);
        Assert.Equal("Orleans.Poker", info.ProductName);
        Assert.Equal(version, ProductInfo.Version);
    }

    [Fact]
    public void The_web_client_package_carries_the_product_version()
    {
        var version = Repo.ProductVersion();
        using var package = JsonDocument.Parse(Repo.Read("WebClient/package.json"));
        using var lockFile = JsonDocument.Parse(Repo.Read("WebClient/package-lock.json"));

        Assert.Equal(version, package.RootElement.GetProperty("version").GetString());
        Assert.Equal(version, lockFile.RootElement.GetProperty("version").GetString());
        Assert.Equal(version, lockFile.RootElement.GetProperty("packages").GetProperty("").GetProperty("version").GetString());
    }

    [Fact]
    public void The_changelog_has_a_dated_section_for_the_version_and_names_every_migration_script()
    {
        var changelog = Repo.Read("CHANGELOG.md");
        var scripts = Directory.GetFiles(Repo.PathOf("Migrations/Scripts"), "*.sql").Select(Path.GetFileName).ToList();
        var sections = Regex.Matches(changelog, @"^## \[(?<version>[^\]]+)\] - \d{4}-\d{2}-\d{2}$", RegexOptions.Multiline).Select(m => m.Groups["version"].Value).ToList();

        Assert.Equal(Repo.ProductVersion(), sections[0]);
        Assert.All(sections, s => Assert.Matches(SemVer, s));
        Assert.Equal(sections.Distinct().Count(), sections.Count);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains(s!, changelog));
    }

    [Fact]
    public void Release_check_accepts_a_clean_tree_and_prints_the_release()
    {
        using var tree = new ReleaseTree();

        var check = tree.Check();

        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Contains($"version={Repo.ProductVersion()}", check.Output);
        Assert.Matches(@"commit=[0-9a-f]{40}", check.Output);
        Assert.Contains($"tag=v{Repo.ProductVersion()}", check.Output);
    }

    [Fact]
    public void Release_check_refuses_a_dirty_tree()
    {
        using var tree = new ReleaseTree();
        tree.Write("Migrations/Scripts/0099_uncommitted.sql", "SELECT 1;");
        tree.Append("CHANGELOG.md", "\n0099_uncommitted.sql\n");

        var check = tree.Check();

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("the tree is dirty", check.Error);
        Assert.Contains("0099_uncommitted.sql", check.Error);
        Assert.DoesNotContain("version=", check.Output);
    }

    [Fact]
    public void Release_check_refuses_a_tree_without_a_version()
    {
        using var tree = new ReleaseTree();
        tree.Write("Directory.Build.props", Regex.Replace(Repo.Read("Directory.Build.props"), @"\s*<Version>[^<]*</Version>", ""));
        tree.Commit("no version");

        var check = tree.Check();

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("sets no <Version>", check.Error);
    }

    [Fact]
    public void Release_check_refuses_versions_that_disagree_and_an_unlisted_migration()
    {
        using var tree = new ReleaseTree();
        tree.Write("WebClient/package.json", Repo.Read("WebClient/package.json").Replace($"\"version\": \"{Repo.ProductVersion()}\"", "\"version\": \"9.9.9\"", StringComparison.Ordinal));
        tree.Write("Migrations/Scripts/0099_new_table.sql", "SELECT 1;");
        tree.Commit("drift");

        var check = tree.Check();

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("WebClient/package.json has version '9.9.9'", check.Error);
        Assert.Contains("does not name the migration script 0099_new_table.sql", check.Error);
    }

    [Fact]
    public void Release_check_refuses_to_release_a_tagged_version_from_another_commit()
    {
        using var tree = new ReleaseTree();
        tree.Git("tag", $"v{Repo.ProductVersion()}");
        tree.Write("README.md", "changed after the release");
        tree.Commit("after the release");

        var check = tree.Check();

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("raise the version", check.Error);
    }
}
