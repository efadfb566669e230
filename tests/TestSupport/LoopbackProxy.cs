using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// A TCP proxy on loopback that forwards bytes unchanged until told to fail. <see cref="Cut"/> is a network partition:
/// open connections are reset and new ones refused until <see cref="Restore"/>. In front of PostgreSQL it also fails
/// chosen statements: Npgsql sends each statement's text (and its parameters) in the clear when SSL is off
/// (<see cref="Through"/>), so <see cref="Arm"/> a <see cref="StatementFault"/> to cut the connection that sends a
/// matching statement (it never reaches the server: the write fails) or to hold it (the sender waits until the proxy is
/// disposed: a process killed then dies between the writes before it and this one).
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly IPEndPoint target;
    private readonly ConcurrentDictionary<TcpClient, byte> open = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private readonly Lock gate = new();
    private StatementFault? fault;
    private int seen;
    private int connections;
    private volatile bool cut;

    /// <summary>Forwards connections to loopback port <paramref name="port"/> (0: any free one) to <paramref name="target"/>.</summary>
    public LoopbackProxy(IPEndPoint target, int port = 0)
    {
        this.target = target;
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        accepting = Task.Run(Accept);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Connections accepted while not cut.</summary>
    public int Connections => Volatile.Read(ref connections);

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

    /// <summary>The target is unreachable: open connections are reset and new ones refused until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        cut = true;
        foreach (var client in open.Keys)
        {
            Close(client);
        }
    }

    public void Restore() => cut = false;

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

            if (cut)
            {
                inbound.Client.LingerState = new LingerOption(true, 0);
                inbound.Dispose();
                continue;
            }

            Interlocked.Increment(ref connections);
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
    /// bind and execute messages in one buffer, so its text and its leading parameters arrive in one read. A statement
    /// Npgsql has prepared on the connection (after its fifth use) comes as a bind of its name alone: the text it was
    /// parsed with on this connection stands for it.
    /// </summary>
    private async Task Statements(NetworkStream client, NetworkStream server)
    {
        var buffer = new byte[64 * 1024];
        var prepared = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var read = await client.ReadAsync(buffer, stopping.Token);
            if (read == 0)
            {
                return;
            }

            switch (Decide(Statement(buffer.AsSpan(0, read), prepared)))
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

    /// <summary>
    /// The text of a read (Latin-1 keeps one char per byte, so ASCII statement text and identifiers match as written),
    /// followed by the text of each prepared statement it binds. Parse messages ('P': name, text) teach the names.
    /// </summary>
    private static string Statement(ReadOnlySpan<byte> read, Dictionary<string, string> prepared)
    {
        var text = Encoding.Latin1.GetString(read);
        var bound = new StringBuilder(text);
        var at = 0;
        while (at + 5 <= read.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(read[(at + 1)..]);
            if (length < 4 || at + 1 + length > read.Length)
            {
                // Not a whole message (the start-up packet has no type byte, or a statement larger than a read).
                break;
            }

            var body = text.AsSpan(at + 5, length - 4);
            var first = body.IndexOf('\0');
            if (read[at] == (byte)'P' && first > 0 && body[(first + 1)..].IndexOf('\0') is var end and >= 0)
            {
                prepared[body[..first].ToString()] = body.Slice(first + 1, end).ToString();
            }
            else if (read[at] == (byte)'B' && first >= 0 && body[(first + 1)..].IndexOf('\0') is var name and > 0
                && prepared.TryGetValue(body.Slice(first + 1, name).ToString(), out var statement))
            {
                bound.Append('\n').Append(statement);
            }

            at += 1 + length;
        }

        return bound.ToString();
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
        Cut();
        await accepting;
        stopping.Dispose();
    }
}
