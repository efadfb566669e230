using System.Text.RegularExpressions;
using Orleans.Poker.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace Orleans.Poker.Deploy.Tests;

public sealed class ComposeTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load();

    [Fact]
    public void Compose_file_parses_and_defines_the_room_with_periodic_jobs_last()
    {
        var names = Compose.Services.Select(s => s.Name).ToList();

        Assert.Equal(["postgres", "redis", "migrations", "silo", "gateway", "bot", "nginx", "backup", "certbot"], names);
    }

    [Fact]
    public void Images_are_built_from_the_dockerfile_targets_and_tagged_with_the_release()
    {
        var docker = Dockerfile.Load();
        foreach (var name in new[] { "migrations", "silo", "gateway", "bot", "nginx" })
        {
            var build = Compose.Service(name).Get("build");
            Assert.Equal("infra/docker/Dockerfile", build.Str("dockerfile"));
            Assert.Equal("../..", build.Str("context"));
            Assert.Contains(docker.Stages, s => s.Name == build.Str("target"));
            Assert.EndsWith(":${POKER_VERSION:?set POKER_VERSION in infra/compose/.env}", Compose.Service(name).Str("image"));
        }
    }

    [Fact]
    public void The_database_compresses_its_full_page_images()
    {
        var command = Compose.Service("postgres").Seq("command").Select(c => ((YamlScalarNode)c).Value).ToList();

        Assert.Equal(["postgres", "-c", "wal_compression=lz4"], command);
    }

    [Fact]
    public void The_start_order_is_data_then_migrations_to_completion_then_silos_then_clients_then_the_proxy()
    {
        string? Condition(string service, string on) => Compose.Service(service).Map("depends_on").Map(on).Str("condition");

        Assert.Equal("service_healthy", Condition("migrations", "postgres"));
        Assert.Equal("service_completed_successfully", Condition("silo", "migrations"));
        Assert.Equal("service_healthy", Condition("silo", "redis"));
        Assert.Equal("service_healthy", Condition("gateway", "silo"));
        Assert.Equal("service_healthy", Condition("bot", "silo"));
        Assert.Equal("service_healthy", Condition("nginx", "gateway"));
        Assert.Equal("service_healthy", Condition("nginx", "bot"));
        Assert.Equal("service_completed_successfully", Condition("backup", "migrations"));
        Assert.Equal("no", Compose.Service("migrations").Str("restart"));
    }

    [Fact]
    public void Every_long_running_service_restarts_has_limits_rotated_logs_and_a_health_check()
    {
        foreach (var (name, service) in Compose.Services)
        {
            var limits = service.At("deploy", "resources", "limits");
            Assert.False(string.IsNullOrEmpty(limits.Str("memory")), $"{name}: no memory limit");
            Assert.False(string.IsNullOrEmpty(limits.Str("cpus")), $"{name}: no cpu limit");
            Assert.Equal("json-file", service.At("logging").Str("driver"));
            Assert.Matches(@"^\d+m$", service.At("logging", "options").Str("max-size")!);
            Assert.Matches(@"^\d+$", service.At("logging", "options").Str("max-file")!);
            if (name == "migrations")
            {
                continue; // one-shot: its exit code is its health
            }

            Assert.Contains(service.Str("restart"), new[] { "unless-stopped", "always" });
            if (name != "certbot")
            {
                Assert.True(service.Map("healthcheck")?.Get("test") is not null, $"{name}: no health check");
            }
        }
    }

    [Fact]
    public void Silos_and_gateways_are_replicated_and_silos_get_time_to_hand_their_grains_over()
    {
        Assert.Matches(@"^\$\{POKER_SILO_REPLICAS:-[2-9]\}$", Compose.Service("silo").At("deploy").Str("replicas")!);
        Assert.Matches(@"^\$\{POKER_GATEWAY_REPLICAS:-[2-9]\}$", Compose.Service("gateway").At("deploy").Str("replicas")!);
        // Orleans' graceful shutdown is bounded by HostOptions.ShutdownTimeout (30 s in the silo).
        Assert.True(Seconds(Compose.Service("silo").Str("stop_grace_period")!) > 30);
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("gateway")]
    [InlineData("bot")]
    public void Health_checks_ask_a_real_health_path_on_the_port_the_process_listens_on(string name)
    {
        var test = Compose.Service(name).At("healthcheck", "test") as YamlSequenceNode;
        var url = new Uri(test!.Children.Select(c => ((YamlScalarNode)c).Value!).Single(v => v.StartsWith("http", StringComparison.Ordinal)));

        Assert.Equal(HostingSetup.ReadyPath, url.AbsolutePath);
        Assert.Equal(AppVariables.HttpPort(name, Compose.Environment(name)), url.Port);
    }

    [Fact]
    public void Named_volumes_are_declared_and_mounted_files_exist()
    {
        var declared = Compose.Root.Map("volumes").Entries().Select(e => e.Key).ToHashSet();
        var used = new HashSet<string>();
        foreach (var (name, service) in Compose.Services)
        {
            foreach (var mount in service.Seq("volumes").Select(v => ((YamlScalarNode)v).Value!))
            {
                var source = mount.Split(':')[0];
                if (source.StartsWith('.'))
                {
                    Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Repo.PathOf("infra/compose"), source))), $"{name}: {source} does not exist");
                }
                else
                {
                    Assert.Contains(source, declared);
                    used.Add(source);
                }
            }
        }

        Assert.Equal(declared.Order(), used.Order());
        Assert.Contains("postgres-data", used);
        Assert.Contains("backups", used);
    }

    [Fact]
    public void Nginx_mounts_the_site_template_the_plain_hosts_use_and_is_the_only_published_service()
    {
        var mounts = Compose.Service("nginx").Seq("volumes").Select(v => ((YamlScalarNode)v).Value!).ToList();

        Assert.Contains("../nginx/poker.conf:/etc/orleans-poker/nginx/poker.conf:ro", mounts);
        Assert.Contains("../nginx/render.sh:/etc/orleans-poker/nginx/render.sh:ro", mounts);
        Assert.Equal(["80:80", "443:443"], Compose.Service("nginx").Seq("ports").Select(p => ((YamlScalarNode)p).Value!));
        Assert.All(Compose.Services.Where(s => s.Name != "nginx"), s => Assert.Empty(s.Service.Seq("ports")));
        var environment = Compose.Environment("nginx");
        Assert.Equal($"gateway:{AppVariables.HttpPort("gateway", Compose.Environment("gateway"))}", environment["POKER_NGINX_GATEWAYS"]);
        Assert.Equal($"bot:{AppVariables.HttpPort("bot", Compose.Environment("bot"))}", environment["POKER_NGINX_BOTS"]);
    }

    [Fact]
    public void Every_interpolated_variable_is_in_the_env_example_and_secrets_have_no_default()
    {
        var example = EnvFile.Keys("infra/compose/.env.example");
        var interpolations = ComposeFile.Interpolations();
        string[] secrets = ["POKER_DB_PASSWORD", "POKER_REDIS_PASSWORD", "POKER__Auth__JwtKey", "POKER__Bot__Token", "POKER__Bot__WebhookSecret"];

        Assert.NotEmpty(interpolations);
        Assert.All(interpolations, i => Assert.Contains(i.Name, example));
        foreach (var secret in secrets)
        {
            Assert.Contains(interpolations, i => i.Name == secret);
            Assert.All(interpolations.Where(i => i.Name == secret), i => Assert.True(i.Modifier is ":?" or "", $"{secret} has a default"));
            Assert.Equal("", EnvFile.Read("infra/compose/.env.example")[secret]);
        }
    }

    private static double Seconds(string duration)
    {
        var match = Regex.Match(duration, @"^(?<n>\d+)(?<unit>s|m)$");
        var n = double.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value == "m" ? n * 60 : n;
    }
}
