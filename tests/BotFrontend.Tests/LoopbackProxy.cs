using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// A TCP proxy on loopback in front of a silo's gateway port: a cluster client connected through it loses the cluster
/// when <see cref="Cut"/> closes every connection and refuses new ones (a network partition), and gets it back after
/// <see cref="Restore"/>. Bytes are forwarded unchanged.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly IPEndPoint target;
    private readonly ConcurrentDictionary<TcpClient, byte> open = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private volatile bool cut;

    /// <summary>Forwards connections to loopback port <paramref name="port"/> to <paramref name="target"/>.</summary>
    public LoopbackProxy(int port, IPEndPoint target)
    {
        this.target = target;
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        accepting = Task.Run(Accept);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    private int connections;

    /// <summary>Connections accepted while not cut.</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>Closes the forwarded connections and refuses new ones until <see cref="Restore"/>.</summary>
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
            var a = inbound.GetStream();
            var b = outbound.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, stopping.Token), b.CopyToAsync(a, stopping.Token));
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
