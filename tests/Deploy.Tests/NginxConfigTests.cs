using System.Text.RegularExpressions;

namespace Orleans.Poker.Deploy.Tests;

public sealed class NginxConfigTests
{
    [Fact]
    public void Rendered_site_passes_nginx_t_with_test_certificates()
    {
        using var site = new NginxSite("127.0.0.1:1 127.0.0.1:2", "127.0.0.1:3");

        var render = site.Render();
        var test = site.Test();

        Assert.True(render.ExitCode == 0, render.Error);
        Assert.True(test.ExitCode == 0, test.Error);
        Assert.Contains("test is successful", test.Error);
        var rendered = File.ReadAllText(site.SiteConfig);
        Assert.Contains("server 127.0.0.1:1 max_fails=3 fail_timeout=10s; server 127.0.0.1:2", rendered);
        Assert.DoesNotMatch(@"\$\{POKER_[A-Z_]+\}", rendered);
        // nginx's own variables are left to nginx.
        Assert.Contains("hash $remote_addr consistent;", rendered);
        Assert.Contains("https://$host$request_uri", rendered);
    }

    [Theory]
    [InlineData("POKER_NGINX_TLS_CERT", "", "not set: POKER_NGINX_TLS_CERT")]
    [InlineData("POKER_NGINX_GATEWAYS", "", "not set: POKER_NGINX_GATEWAYS")]
    [InlineData("POKER_NGINX_GATEWAYS", "gateway", "'gateway' is not host:port")]
    [InlineData("POKER_NGINX_BOTS", "bot:80;evil", "is not host:port")]
    public void Render_refuses_a_missing_setting_or_an_endpoint_that_is_not_host_and_port(string name, string value, string message)
    {
        using var site = new NginxSite("127.0.0.1:1", "127.0.0.1:3");

        var render = site.Render(env => env[name] = value);

        Assert.NotEqual(0, render.ExitCode);
        Assert.Contains(message, render.Error);
        Assert.False(File.Exists(site.SiteConfig));
    }

    [Fact]
    public void Hub_timeouts_outlast_signalr_keep_alives_and_long_polls()
    {
        var conf = Repo.Read("infra/nginx/poker.conf");
        var hubs = Regex.Match(conf, @"location /hubs/ \{(?<body>[^}]*)\}").Groups["body"].Value;

        // SignalR: keep-alive every 15 s, client timeout 30 s, a long poll held up to 90 s.
        Assert.True(Seconds(hubs, "proxy_read_timeout") > 90);
        Assert.True(Seconds(hubs, "proxy_send_timeout") > 90);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", hubs);
        Assert.Contains("proxy_pass http://poker_hubs;", hubs);
    }

    [Fact]
    public void Metrics_health_and_the_dashboards_are_refused_and_only_the_api_hubs_and_webhook_are_proxied()
    {
        var conf = Repo.Read("infra/nginx/poker.conf");
        var hidden = Regex.Match(conf, @"location ~ \^/\((?<paths>[^)]*)\)\(/\|\$\) \{\s*return 404;").Groups["paths"].Value.Split('|');
        // A location's body may hold one level of blocks (limit_except).
        var proxied = Regex.Matches(conf, @"location (?:= )?(?<path>\S+) \{(?:[^{}]|\{[^{}]*\})*?proxy_pass").Select(m => m.Groups["path"].Value);

        Assert.Superset(new HashSet<string> { "health", "metrics", "dashboard", "orleans-dashboard" }, hidden.ToHashSet());
        Assert.Equal(["/api/", "/hubs/", "/telegram/webhook"], proxied.Order(StringComparer.Ordinal));
    }

    private static int Seconds(string block, string directive) =>
        int.Parse(Regex.Match(block, directive + @"\s+(?<s>\d+)s;").Groups["s"].Value, System.Globalization.CultureInfo.InvariantCulture);
}
