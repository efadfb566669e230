using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orleans.Poker.Cluster.Tests;

/// <summary>
/// A TCP proxy on loopback between silos and PostgreSQL that fails chosen statements. Npgsql sends each statement's
/// text (and its parameters) in the clear when SSL is off, so the proxy recognises a statement by strings it contains:
/// <see cref="Arm"/> a <see cref="StatementFault"/> to cut the connection that sends it (the statement never reaches the
/// server: the write fails) or to hold it (the sender waits until the proxy is disposed: a process killed now dies
/// between the writes before it and this one). <see cref="Block"/> is the database going away altogether.
/// </summary>
public sealed class PostgresProxy : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly IPEndPoint target;
    private readonly ConcurrentDictionary<TcpClient, byte> open = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private readonly Lock gate = new();
    private StatementFault? fault;
    private int seen;
    private volatile bool blocked;

    public PostgresProxy(IPEndPoint target)
    {
        this.target = target;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        accepting = Task.Run(Accept);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How often the armed fault was applied.</summary>
    public int Applied { get; private set; }

    /// <summary>
    /// A connection string for <paramref name="connectionString"/>'s database through this proxy, without SSL (so
    /// statements can be recognised) and without pooling of broken connections across a fault.
    /// </summary>
    public string Through(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port, SslMode = Npgsql.SslMode.Disable }.ConnectionString;

    /// <summary>Applies <paramref name="statementFault"/> to the statements that match it from now on.</summary>
    public void Arm(StatementFault statementFault)
    {
        lock (gate)
        {
            fault = statementFault;
            seen = 0;
            Applied = 0;
        }
    }

    /// <summary>Statements pass again (held ones stay held until dispose: their process is meant to die).</summary>
    public void Disarm()
    {
        lock (gate)
        {
            fault = null;
        }
    }

    /// <summary>The database is unreachable: open connections are reset and new ones refused until <see cref="Unblock"/>.</summary>
    public void Block()
    {
        blocked = true;
        foreach (var client in open.Keys)
        {
            Close(client);
        }
    }

    public void Unblock() => blocked = false;

    private async Task Accept()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (blocked)
            {
                inbound.Client.LingerState = new LingerOption(true, 0);
                inbound.Dispose();
                continue;
            }

            _ = Task.Run(() => Forward(inbound));
        }
    }

    private async Task Forward(TcpClient inbound)
    {
        using var outbound = new TcpClient();
        open[inbound] = 0;
        open[outbound] = 0;
        try
        {
            await outbound.ConnectAsync(target, stopping.Token);
            var client = inbound.GetStream();
            var server = outbound.GetStream();
            await Task.WhenAny(Statements(client, server), server.CopyToAsync(client, stopping.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // One side went away.
        }
        finally
        {
            Close(inbound);
            Close(outbound);
        }
    }

    /// <summary>
    /// Client to server: forwards each read unless it holds a faulted statement. Npgsql writes a statement's parse,
    /// bind and execute messages in one buffer, so its text and its leading parameters arrive in one read.
    /// </summary>
    private async Task Statements(NetworkStream client, NetworkStream server)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await client.ReadAsync(buffer, stopping.Token);
            if (read == 0)
            {
                return;
            }

            // Latin-1 keeps one char per byte, so ASCII statement text and identifiers match as written.
            var text = Encoding.Latin1.GetString(buffer, 0, read);
            switch (Decide(text))
            {
                case FaultKind.Cut:
                    return;
                case FaultKind.Hold:
                    await Task.Delay(Timeout.Infinite, stopping.Token);
                    return;
            }

            await server.WriteAsync(buffer.AsMemory(0, read), stopping.Token);
        }
    }

    private FaultKind? Decide(string text)
    {
        lock (gate)
        {
            if (fault is not { } armed || !armed.Contains.All(s => text.Contains(s, StringComparison.Ordinal)))
            {
                return null;
            }

            if (seen++ < armed.Skip)
            {
                return null;
            }

            Applied++;
            if (armed.Once)
            {
                fault = null;
            }

            return armed.Kind;
        }
    }

    private void Close(TcpClient client)
    {
        if (open.TryRemove(client, out _))
        {
            try
            {
                // A reset rather than an orderly close, as a broken network looks to both ends.
                client.Client.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already closed.
            }

            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        Block();
        await accepting;
        stopping.Dispose();
    }
}
