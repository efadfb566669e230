using System.Text.RegularExpressions;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;
using YamlDotNet.RepresentationModel;

namespace Orleans.Poker.Deploy.Tests;

public sealed class KubernetesTests
{
    private static readonly Dictionary<string, string> Services = new()
    {
        ["poker-silo"] = "silo",
        ["poker-gateway"] = "gateway",
        ["poker-bot"] = "bot",
    };

    [Fact]
    public void Every_manifest_parses_with_kind_version_and_name_and_kustomize_applies_all_but_the_examples()
    {
        var files = Directory.GetFiles(Repo.PathOf(KubernetesManifests.Folder), "*.yaml").Select(Path.GetFileName).ToHashSet();
        var documents = files.SelectMany(f => YamlFiles.Load($"{KubernetesManifests.Folder}/{f}")).ToList();

        Assert.All(documents, d => Assert.False(string.IsNullOrEmpty(d.Str("apiVersion"))));
        Assert.All(documents, d => Assert.False(string.IsNullOrEmpty(d.Str("kind"))));
        Assert.All(documents.Where(d => d.Str("kind") != "Kustomization"), d => Assert.False(string.IsNullOrEmpty(d.At("metadata").Str("name"))));
        Assert.Equal(
            files.Where(f => f != "kustomization.yaml" && !f!.EndsWith(".example.yaml", StringComparison.Ordinal)).Order(),
            KubernetesManifests.Resources.Order());
    }

    [Fact]
    public void Selectors_match_pod_labels_and_services_reach_named_container_ports()
    {
        var deployments = KubernetesManifests.OfKind("Deployment").ToList();
        Assert.Equal(["poker-bot", "poker-gateway", "poker-silo"], deployments.Select(d => d.At("metadata").Str("name")!).Order());
        foreach (var deployment in deployments)
        {
            var labels = deployment.At("spec", "template", "metadata", "labels").Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value);
            Assert.All(deployment.At("spec", "selector", "matchLabels").Entries(), e => Assert.Equal(((YamlScalarNode)e.Value).Value, labels.GetValueOrDefault(e.Key)));
        }

        foreach (var service in KubernetesManifests.OfKind("Service"))
        {
            var selector = service.At("spec", "selector").Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value);
            var target = deployments.Single(d => selector.All(s => d.At("spec", "template", "metadata", "labels").Str(s.Key) == s.Value));
            var ports = KubernetesManifests.PodSpec(target).Seq("containers").SelectMany(c => c.Seq("ports")).Select(p => p.Str("name")).ToHashSet();
            Assert.All(service.At("spec").Seq("ports"), p => Assert.Contains(p.Str("targetPort"), ports));
        }
    }

    [Theory]
    [InlineData("poker-silo")]
    [InlineData("poker-gateway")]
    [InlineData("poker-bot")]
    public void Probes_ask_the_health_paths_on_the_port_the_process_listens_on(string name)
    {
        var container = KubernetesManifests.PodSpec(KubernetesManifests.Find("Deployment", name)).Seq("containers").Single();
        var ports = container.Seq("ports").ToDictionary(p => p.Str("name")!, p => int.Parse(p.Str("containerPort")!, System.Globalization.CultureInfo.InvariantCulture));
        var listens = AppVariables.HttpPort(Services[name], KubernetesManifests.Environment(container));

        Assert.Equal(HostingSetup.LivePath, container.At("livenessProbe", "httpGet").Str("path"));
        Assert.Equal(HostingSetup.LivePath, container.At("startupProbe", "httpGet").Str("path"));
        Assert.Equal(HostingSetup.ReadyPath, container.At("readinessProbe", "httpGet").Str("path"));
        foreach (var probe in new[] { "livenessProbe", "startupProbe", "readinessProbe" })
        {
            Assert.Equal(listens, ports[container.At(probe, "httpGet").Str("port")!]);
        }

        Assert.Equal("0.0.0.0", KubernetesManifests.Environment(container)["POKER__Http__Host"]);
    }

    [Fact]
    public void Silos_leave_gracefully_one_at_a_time_and_advertise_their_pod_address()
    {
        var silo = KubernetesManifests.Find("Deployment", "poker-silo");
        var pod = KubernetesManifests.PodSpec(silo);
        var container = pod.Seq("containers").Single();
        var preStop = container.At("lifecycle", "preStop", "exec").Seq("command").Select(c => ((YamlScalarNode)c).Value).ToList();
        var pdb = KubernetesManifests.Find("PodDisruptionBudget", "poker-silo");

        Assert.Equal("sleep", preStop[0]);
        // preStop, then Orleans' graceful shutdown (HostOptions.ShutdownTimeout 30 s), with a margin.
        Assert.True(int.Parse(pod.Str("terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture) >= int.Parse(preStop[1]!, System.Globalization.CultureInfo.InvariantCulture) + 30 + 10);
        Assert.Equal("0", silo.At("spec", "strategy", "rollingUpdate").Str("maxUnavailable"));
        // The clients read the new silo before an old one stops.
        Assert.True(int.Parse(silo.At("spec").Str("minReadySeconds")!, System.Globalization.CultureInfo.InvariantCulture) > new ClusterSettings().GatewayListRefresh.TotalSeconds);
        Assert.Equal("1", pdb.At("spec").Str("maxUnavailable"));
        Assert.Equal("poker-silo", pdb.At("spec", "selector", "matchLabels").Str("app.kubernetes.io/name"));
        Assert.Equal("field:status.podIP", KubernetesManifests.Environment(container)["POKER__Cluster__AdvertisedAddress"]);
    }

    [Fact]
    public void Silos_start_only_after_the_migrations_of_their_release_and_the_job_is_versioned()
    {
        var version = Repo.ProductVersion();
        var wait = KubernetesManifests.PodSpec(KubernetesManifests.Find("Deployment", "poker-silo")).Seq("initContainers").Single();
        var job = KubernetesManifests.OfKind("Job").Single();
        var images = YamlFiles.Load($"{KubernetesManifests.Folder}/kustomization.yaml").Single().Seq("images").ToList();

        Assert.Equal("orleans-poker-migrations", wait.Str("image"));
        Assert.Contains("Orleans.Poker.Migrations.dll --verify", string.Join(' ', wait.Seq("command").Select(c => ((YamlScalarNode)c).Value)));
        Assert.Equal($"poker-migrations-{version.Replace('.', '-')}", job.At("metadata").Str("name"));
        Assert.Equal("Never", KubernetesManifests.PodSpec(job).Str("restartPolicy"));
        Assert.Equal("orleans-poker-migrations", KubernetesManifests.PodSpec(job).Seq("containers").Single().Str("image"));
        Assert.Equal(4, images.Count);
        Assert.All(images, i => Assert.Equal(version, i.Str("newTag")));
        Assert.All(KubernetesManifests.Containers(), c => Assert.Contains(c.Container.Str("image"), images.Select(i => i.Str("name"))));
    }

    [Fact]
    public void Gateways_scale_with_an_autoscaler_on_their_deployment()
    {
        var hpa = KubernetesManifests.OfKind("HorizontalPodAutoscaler").Single();

        Assert.Equal("Deployment", hpa.At("spec", "scaleTargetRef").Str("kind"));
        Assert.Equal("poker-gateway", hpa.At("spec", "scaleTargetRef").Str("name"));
        Assert.True(int.Parse(hpa.At("spec").Str("minReplicas")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.NotNull(KubernetesManifests.PodSpec(KubernetesManifests.Find("Deployment", "poker-gateway")).Seq("containers").Single().At("resources", "requests").Str("cpu"));
    }

    [Fact]
    public void Secrets_come_from_the_secret_whose_example_holds_only_fake_values_and_never_from_literals()
    {
        var example = YamlFiles.Load($"{KubernetesManifests.Folder}/secret.example.yaml").Single();
        var keys = example.Map("stringData").Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value!);

        Assert.Null(example.Get("data"));
        Assert.All(keys.Values, v => Assert.Contains("CHANGE-ME", v));
        Assert.DoesNotContain(KubernetesManifests.Applied, d => d.Str("kind") == "Secret");
        foreach (var (workload, container) in KubernetesManifests.Containers())
        {
            foreach (var (name, value) in KubernetesManifests.Environment(container).Where(e => AppVariables.Secrets.Contains(e.Key)))
            {
                var reference = Regex.Match(value, "^secret:poker-secrets/(?<key>.+)$");
                Assert.True(reference.Success, $"{workload}: {name} is not read from the Secret");
                Assert.Contains(reference.Groups["key"].Value, keys.Keys);
            }
        }
    }

    [Fact]
    public void Ingresses_expose_the_web_client_api_hubs_and_webhook_only()
    {
        var routes = KubernetesManifests.OfKind("Ingress")
            .SelectMany(i => i.At("spec").Seq("rules").SelectMany(r => r.At("http").Seq("paths")).Select(p => (Ingress: i, Path: p)))
            .ToList();
        var exposed = routes.Select(r => $"{r.Path.Str("pathType")} {r.Path.Str("path")} -> {r.Path.At("backend", "service").Str("name")}").Order();

        Assert.Equal(
            new[]
            {
                "Exact / -> poker-gateway", "Exact /index.html -> poker-gateway", "Exact /telegram/webhook -> poker-bot",
                "Prefix /api -> poker-gateway", "Prefix /assets -> poker-gateway", "Prefix /hubs -> poker-gateway",
            },
            exposed);
        var hubs = routes.Single(r => r.Path.Str("path") == "/hubs").Ingress.Map("metadata").Map("annotations");
        Assert.Equal("$remote_addr", hubs.Str("nginx.ingress.kubernetes.io/upstream-hash-by"));
        Assert.True(int.Parse(hubs.Str("nginx.ingress.kubernetes.io/proxy-read-timeout")!, System.Globalization.CultureInfo.InvariantCulture) > 90);
        foreach (var (_, path) in routes)
        {
            var backend = path.At("backend", "service");
            var service = KubernetesManifests.Find("Service", backend.Str("name")!);
            Assert.Contains(service.At("spec").Seq("ports"), p => p.Str("name") == backend.At("port").Str("name"));
        }
    }
}
