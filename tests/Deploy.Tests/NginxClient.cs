using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// Handlers for a client of the tests' nginx over HTTPS: the certificate check is the caller's (the test certificate),
/// no redirect is followed, and an optional loopback source address (127.0.0.2, ...) makes the client another client
/// to nginx (its own rate limits, its own <c>hash $remote_addr</c> gateway for <c>/hubs</c>).
/// </summary>
public static class NginxClient
{
    public static SocketsHttpHandler Handler(RemoteCertificateValidationCallback trusts, IPAddress? source = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = trusts },
        };
        if (source is not null)
        {
            handler.ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }

    public static HttpClient Client(Uri https, RemoteCertificateValidationCallback trusts, IPAddress? source = null) =>
        new(Handler(trusts, source)) { BaseAddress = https, Timeout = TimeSpan.FromSeconds(30) };
}
