using System.Text.RegularExpressions;
using System.Xml.Linq;
using Orleans.Poker.ServiceDefaults;

namespace Orleans.Poker.Deploy.Tests;

public sealed class DockerfileTests
{
    private static readonly Dockerfile Docker = Dockerfile.Load();

    /// <summary>The .NET targets: the project each publishes, the dll it starts, the HTTP service it is.</summary>
    public static TheoryData<string, string, string> DotnetTargets => new()
    {
        { "silo", "Silo", "Orleans.Poker.Silo.dll" },
        { "gateway", "Gateway", "Orleans.Poker.Gateway.dll" },
        { "bot", "BotFrontend", "Orleans.Poker.BotFrontend.dll" },
        { "migrations", "Migrations", "Orleans.Poker.Migrations.dll" },
    };

    [Fact]
    public void Every_target_the_deployments_use_is_a_stage()
    {
        var names = Docker.Stages.Select(s => s.Name).ToHashSet();

        Assert.Subset(names, new HashSet<string> { "silo", "gateway", "bot", "migrations", "webclient" });
    }

    [Fact]
    public void Everything_copied_from_the_context_exists_and_is_not_ignored()
    {
        var ignored = Repo.Read(".dockerignore").Split('\n').Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.Contains('*', StringComparison.Ordinal)).ToList();
        var copies = Docker.Stages.SelectMany(s => s.All("COPY")).Where(c => !c.Words.Any(w => w.StartsWith("--from", StringComparison.Ordinal))).ToList();

        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            foreach (var source in copy.Words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).SkipLast(1))
            {
                Assert.True(Repo.Exists(source), $"COPY {source}: no such file or folder in the repository");
                Assert.DoesNotContain(ignored, i => source.TrimEnd('/').StartsWith(i.TrimEnd('/'), StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Restore_copies_only_project_files_of_every_project_the_services_reference_before_any_source()
    {
        var restore = Docker.Stage("restore");
        var copied = restore.All("COPY").SelectMany(c => c.Words.SkipLast(1)).ToList();
        var restoreRun = restore.All("RUN").Single();
        var build = Docker.Stage("build");

        Assert.All(copied, source => Assert.Matches(@"(\.csproj|\.props|global\.json)$", source));
        Assert.Equal(ReferencedProjects().Order(), copied.Where(c => c.EndsWith(".csproj", StringComparison.Ordinal)).Order());
        Assert.Contains("dotnet restore", restoreRun.Arguments);
        Assert.Equal("restore", build.Image);
        // The build stage copies the source folders of exactly those projects.
        Assert.Equal(
            ReferencedProjects().Select(p => p.Split('/')[0] + "/").Order(),
            build.All("COPY").SelectMany(c => c.Words.SkipLast(1)).Order());
    }

    [Theory]
    [MemberData(nameof(DotnetTargets))]
    public void Each_dotnet_image_runs_its_built_dll_as_an_unprivileged_user(string target, string project, string dll)
    {
        var user = Docker.Effective(target, "USER");
        var entrypoint = new DockerInstruction("ENTRYPOINT", Docker.Effective(target, "ENTRYPOINT")!).Words;

        Assert.NotNull(user);
        Assert.DoesNotMatch(@"^(root|0)(:|$)", user);
        Assert.Contains($"/app/{dll}", entrypoint);
        Assert.True(System.IO.File.Exists(Repo.BuiltDll(project, dll)), $"{dll} is not in {project}'s build output");
        Assert.Contains(Docker.Stage("build").All("RUN"), r => r.Arguments.Contains($"dotnet publish {project}/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("silo", "POKER__Http__Port", 8080)]
    [InlineData("gateway", "POKER__Http__Port", 8090)]
    [InlineData("bot", "POKER__Bot__Port", 8081)]
    public void Health_checks_ask_the_readiness_path_on_the_port_the_process_listens_on(string target, string portVariable, int port)
    {
        var check = Docker.Effective(target, "HEALTHCHECK")!;
        var url = Regex.Match(check, @"http://127\.0\.0\.1:\$\{(?<variable>\w+):-(?<port>\d+)\}(?<path>/[\w/]+)");

        Assert.True(url.Success, check);
        Assert.Equal(portVariable, url.Groups["variable"].Value);
        Assert.Equal(port, int.Parse(url.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(port, AppVariables.HttpPort(target, new Dictionary<string, string>()));
        Assert.Equal(HostingSetup.ReadyPath, url.Groups["path"].Value);
        Assert.Contains(Docker.Stage(target).All("EXPOSE"), e => e.Words.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Containers_listen_on_every_interface_and_the_silo_advertises_its_own_address()
    {
        var entrypoint = Repo.Read("infra/docker/entrypoint.sh");

        Assert.Equal("0.0.0.0", Docker.Environment("silo")["POKER__Http__Host"]);
        Assert.StartsWith("/usr/local/bin/poker-entrypoint", new DockerInstruction("ENTRYPOINT", Docker.Effective("silo", "ENTRYPOINT")!).Words[0]);
        Assert.Contains("POKER__Cluster__AdvertisedAddress", entrypoint);
        Assert.Contains("exec \"$@\"", entrypoint);
    }

    [Fact]
    public void The_migrations_job_has_no_health_check_and_the_web_client_checks_its_https_answer()
    {
        Assert.Equal("NONE", Docker.Effective("migrations", "HEALTHCHECK"));
        Assert.Contains("https://127.0.0.1/", Docker.Effective("webclient", "HEALTHCHECK"));
        Assert.Contains(Docker.Stage("webclient").All("COPY"), c => c.Arguments.Contains("infra/nginx/poker.conf", StringComparison.Ordinal));
    }

    [Fact]
    public void No_secret_is_built_into_an_image()
    {
        var names = Docker.Stages.SelectMany(s => s.Instructions)
            .Where(i => i.Keyword is "ENV" or "ARG")
            .SelectMany(i => Regex.Matches(i.Arguments, @"(?<name>[A-Za-z_][A-Za-z0-9_]*)(=|\s|$)").Select(m => m.Groups["name"].Value))
            .ToList();

        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, n => AppVariables.Secrets.Contains(n) || Regex.IsMatch(n, "(?i)token|secret|password|jwt"));
        Assert.Contains(".env", Repo.Read(".dockerignore"));
    }

    /// <summary>The csproj files the four published projects need, transitively.</summary>
    private static HashSet<string> ReferencedProjects()
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>(["Silo/Orleans.Poker.Silo.csproj", "Gateway/Orleans.Poker.Gateway.csproj", "BotFrontend/Orleans.Poker.BotFrontend.csproj", "Migrations/Orleans.Poker.Migrations.csproj"]);
        while (pending.TryPop(out var project))
        {
            if (!found.Add(project))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(project)!;
            foreach (var reference in XDocument.Load(Repo.PathOf(project)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(Repo.PathOf(folder), reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repo.Root, full).Replace('\\', '/'));
            }
        }

        return found;
    }
}
