using System.Text.RegularExpressions;

namespace Orleans.Poker.Deploy.Tests;

public sealed class EnvironmentVariableTests
{
    [Fact]
    public void The_options_yield_the_variables_of_every_section()
    {
        Assert.Contains("POKER__Cluster__Redis", AppVariables.All);
        Assert.Contains("POKER__Bot__WebhookSecret", AppVariables.All);
        Assert.Contains("POKER__Players__StartingBalance", AppVariables.All);
        Assert.Contains("POKER__Referral__NewPlayerWindow", AppVariables.All);
        Assert.Contains("POKER__Analytics__Insights__WaitlistSurge", AppVariables.All);
        Assert.DoesNotContain("POKER__Bot__Enabled", AppVariables.All); // computed, not bound
    }

    [Fact]
    public void Env_example_lists_every_variable_the_apps_read()
    {
        var listed = EnvFile.Keys(".env.example");

        Assert.Equal([], AppVariables.All.Where(v => !listed.Contains(v)).Order());
    }

    [Fact]
    public void Every_POKER_variable_set_by_a_deployment_artifact_is_one_the_apps_read()
    {
        var set = new List<(string Source, string Name)>();
        set.AddRange(EnvFile.Keys(".env.example").Select(k => (".env.example", k)));
        set.AddRange(EnvFile.Keys("infra/compose/.env.example").Select(k => ("infra/compose/.env.example", k)));
        var compose = ComposeFile.Load();
        set.AddRange(compose.Services.SelectMany(s => compose.Environment(s.Name).Keys.Select(k => ($"compose {s.Name}", k))));
        set.AddRange(ComposeFile.Interpolations().Select(i => ("compose ${}", i.Name)));
        set.AddRange(KubernetesManifests.Containers().SelectMany(c => KubernetesManifests.Environment(c.Container).Keys.Select(k => ($"k8s {c.Workload}", k))));
        var docker = Dockerfile.Load();
        set.AddRange(docker.Stages.SelectMany(s => docker.Environment(s.Name).Keys.Select(k => ($"Dockerfile {s.Name}", k))));
        set.AddRange(Regex.Matches(Repo.Read("infra/docker/Dockerfile"), @"POKER__\w+").Select(m => ("Dockerfile", m.Value)));

        var poker = set.Where(s => AppVariables.IsPokerVariable(s.Name)).ToList();
        Assert.True(poker.Count > 50, $"only {poker.Count} settings found");
        Assert.Equal([], poker.Where(s => !AppVariables.All.Contains(s.Name)).Select(s => $"{s.Source}: {s.Name}").Distinct().Order());
    }

    [Theory]
    [InlineData("migrations")]
    [InlineData("silo")]
    [InlineData("gateway")]
    [InlineData("bot")]
    public void Compose_gives_each_process_what_it_needs_in_production(string service)
    {
        var compose = ComposeFile.Load();
        var docker = Dockerfile.Load();
        var environment = new Dictionary<string, string>(docker.Environment(compose.Service(service).Get("build").Str("target")!));
        foreach (var (key, value) in compose.Environment(service))
        {
            environment[key] = value;
        }

        Assert.All(AppVariables.RequiredInProduction[service], v => Assert.False(string.IsNullOrWhiteSpace(environment.GetValueOrDefault(v)), $"{service}: {v} is not set"));
        // A secret is always interpolated from the operator's .env, never written here.
        Assert.All(environment.Where(e => AppVariables.Secrets.Contains(e.Key)), e => Assert.Contains("${", e.Value));
    }

    [Theory]
    [InlineData("poker-migrations-", "migrations")]
    [InlineData("poker-silo", "silo")]
    [InlineData("poker-gateway", "gateway")]
    [InlineData("poker-bot", "bot")]
    public void Kubernetes_gives_each_process_what_it_needs_in_production(string workload, string service)
    {
        var container = KubernetesManifests.Containers().First(c => c.Workload.StartsWith(workload, StringComparison.Ordinal) && c.Container.Str("name") != "wait-for-migrations").Container;
        var environment = new Dictionary<string, string>(KubernetesManifests.Environment(container));
        if (service != "migrations")
        {
            Assert.Equal("0.0.0.0", environment["POKER__Http__Host"]);
        }

        Assert.All(AppVariables.RequiredInProduction[service], v => Assert.False(string.IsNullOrWhiteSpace(environment.GetValueOrDefault(v)), $"{workload}: {v} is not set"));
    }
}
