using System.Diagnostics;
using System.Net.Sockets;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// A redis-server of the test's own on a free loopback port, configured with <paramref name="settings"/> (redis.conf
/// lines, e.g. <c>requirepass …</c>) in a file under <c>folder</c>, so no setting is on its command line; nothing is
/// saved. Dispose kills it (and only it) by its PID.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process process;

    private RedisServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public static Task<RedisServer> StartAsync(string folder, params string[] settings) =>
        StartAsync(folder, port => [$"port {port}"], settings);

    /// <summary>The same, answering only TLS on its port with the PEM certificate and key given (clients show none).</summary>
    public static Task<RedisServer> StartTlsAsync(string folder, string certFile, string keyFile, params string[] settings) =>
        StartAsync(folder, port => ["port 0", $"tls-port {port}", $"tls-cert-file {certFile}", $"tls-key-file {keyFile}", "tls-auth-clients no"], settings);

    private static async Task<RedisServer> StartAsync(string folder, Func<int, string[]> listen, string[] settings)
    {
        var port = ServerProcesses.FreePort();
        var config = Path.Combine(folder, $"redis-{port}.conf");
        File.WriteAllLines(config, listen(port).Concat(["bind 127.0.0.1", "save \"\"", "appendonly no", $"dir {folder}"]).Concat(settings));
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(config);
        var server = new RedisServer(Process.Start(start)!, port);
        server.process.OutputDataReceived += (_, _) => { };
        server.process.ErrorDataReceived += (_, _) => { };
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        for (var clock = Stopwatch.StartNew(); ; await Task.Delay(100))
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(10) && !server.process.HasExited)
            {
                // Not listening yet.
            }
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }
}
