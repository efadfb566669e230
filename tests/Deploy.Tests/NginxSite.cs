using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// A folder with infra/nginx/poker.conf rendered by render.sh for loopback, a self-signed certificate, a web root with
/// an index.html and a hashed asset, and a main nginx.conf that includes the site (what /etc/nginx/nginx.conf does on
/// a host). <see cref="Start"/> runs nginx on it; Dispose stops it by its PID and removes the folder.
/// </summary>
public sealed class NginxSite : IDisposable
{
    public const string Asset = "assets/index-0a1b2c3d.js";
    private Process? nginx;

    public NginxSite(string gateways, string bots)
    {
        Folder = Directory.CreateTempSubdirectory("poker-nginx-").FullName;
        Readable(Folder);
        HttpsPort = ServerProcesses.FreePort();
        HttpPort = ServerProcesses.FreePort();
        WriteCertificate();
        var web = Directory.CreateDirectory(Path.Combine(Folder, "web", "assets")).Parent!.FullName;
        File.WriteAllText(Path.Combine(web, "index.html"), "<!doctype html><title>Orleans Poker</title><script type=module src=/" + Asset + "></script>");
        File.WriteAllText(Path.Combine(web, Asset), "console.log('poker');");
        Directory.CreateDirectory(Path.Combine(Folder, "acme", ".well-known", "acme-challenge"));
        File.WriteAllText(Path.Combine(Folder, "acme", ".well-known", "acme-challenge", "token-1"), "token-1.key");
        foreach (var dir in Directory.GetDirectories(Folder, "*", SearchOption.AllDirectories))
        {
            Readable(dir);
        }

        Environment = new Dictionary<string, string>
        {
            ["POKER_NGINX_SERVER_NAME"] = "localhost",
            ["POKER_NGINX_HTTPS_LISTEN"] = $"127.0.0.1:{HttpsPort}",
            ["POKER_NGINX_HTTP_LISTEN"] = $"127.0.0.1:{HttpPort}",
            ["POKER_NGINX_TLS_CERT"] = Path.Combine(Folder, "cert.pem"),
            ["POKER_NGINX_TLS_KEY"] = Path.Combine(Folder, "key.pem"),
            ["POKER_NGINX_WEB_ROOT"] = web,
            ["POKER_NGINX_ACME_ROOT"] = Path.Combine(Folder, "acme"),
            ["POKER_NGINX_GATEWAYS"] = gateways,
            ["POKER_NGINX_BOTS"] = bots,
        };
        File.WriteAllText(MainConfig, $$"""
            pid {{Folder}}/nginx.pid;
            error_log {{Folder}}/error.log warn;
            worker_processes 1;
            events { worker_connections 256; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path {{Folder}}/body;
                proxy_temp_path {{Folder}}/proxy;
                include {{SiteConfig}};
            }
            """);
    }

    public string Folder { get; }

    public int HttpsPort { get; }

    public int HttpPort { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public string SiteConfig => Path.Combine(Folder, "poker.conf");

    public string MainConfig => Path.Combine(Folder, "nginx.conf");

    public X509Certificate2 Certificate { get; private set; } = null!;

    /// <summary>Runs infra/nginx/render.sh with the site's environment (changed by <paramref name="change"/>).</summary>
    public (int ExitCode, string Error) Render(Action<IDictionary<string, string>>? change = null)
    {
        var environment = new Dictionary<string, string>(Environment);
        change?.Invoke(environment);
        var start = new ProcessStartInfo("sh") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Repo.PathOf("infra/nginx/render.sh"));
        start.ArgumentList.Add(SiteConfig);
        foreach (var key in Environment.Keys)
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Run(start);
    }

    /// <summary><c>nginx -t</c> on the main configuration (and so on the rendered site).</summary>
    public (int ExitCode, string Error) Test() => Run(NginxStart("-t"));

    /// <summary>Starts nginx in the foreground (no daemon) and waits until it accepts TLS connections.</summary>
    public async Task Start()
    {
        nginx = Process.Start(NginxStart("-g", "daemon off;"))!;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (nginx.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {nginx.ExitCode}: {await nginx.StandardError.ReadToEndAsync()} {ErrorLog()}");
            }

            try
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync(System.Net.IPAddress.Loopback, HttpsPort);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx did not listen: " + ErrorLog());
    }

    public string ErrorLog() => File.Exists(Path.Combine(Folder, "error.log")) ? File.ReadAllText(Path.Combine(Folder, "error.log")) : "";

    public void Dispose()
    {
        if (nginx is { HasExited: false })
        {
            // SIGTERM to the master (fast shutdown: it stops its workers), then the whole tree if it lingers.
            using (var kill = Process.Start("kill", ["-TERM", nginx.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            if (!nginx.WaitForExit(10_000))
            {
                nginx.Kill(entireProcessTree: true);
            }
        }

        nginx?.Dispose();
        Certificate?.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>An nginx binary: Debian's (infra/test.sh installs the package when it is missing).</summary>
    public static string Binary() =>
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx is not installed: run infra/test.sh, or apt-get install nginx");

    private ProcessStartInfo NginxStart(params string[] args)
    {
        var start = new ProcessStartInfo(Binary()) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", Folder, "-c", MainConfig, "-e", Path.Combine(Folder, "error.log") }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>rwxr-xr-x: nginx's workers run as another user than the test.</summary>
    private static void Readable(string folder)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }
    }

    private static (int ExitCode, string Error) Run(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Result);
    }

    private void WriteCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        File.WriteAllText(Path.Combine(Folder, "cert.pem"), Certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(Folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
    }
}
