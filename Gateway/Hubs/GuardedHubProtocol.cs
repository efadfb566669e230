using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Hubs;

/// <summary>
/// The hubs' protocol (<paramref name="inner"/>, JSON), charging the calls SignalR answers itself before any hub
/// filter runs, so that <see cref="HubGuardFilter"/> never counts them: a method that does not exist, arguments that do
/// not bind, and a streaming call (no hub method streams). Each connection has a bucket of its own for them, of the
/// filter's size; a connection that keeps sending them once it is empty
/// (<see cref="GatewaySettings.HubViolationsBeforeClose"/> within <see cref="GatewaySettings.HubViolationWindow"/>, as
/// for calls) is closed: its message is not read, and SignalR ends the connection.
/// </summary>
public sealed partial class GuardedHubProtocol(IHubProtocol inner, PokerOptions options, TimeProvider time, ILogger<GuardedHubProtocol> logger) : IHubProtocol
{
    // One per connection: SignalR reads a connection's messages with a binder of its own.
    private readonly ConditionalWeakTable<IInvocationBinder, HubGuardFilter.Bucket> buckets = new();

    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!inner.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }

        if (message is InvocationBindingFailureMessage or StreamBindingFailureMessage or StreamInvocationMessage
            && !buckets.GetValue(binder, _ => new HubGuardFilter.Bucket(options.Gateway.HubCallBurst, time.GetTimestamp())).TryTake(options.Gateway, time, out var flooding)
            && flooding)
        {
            LogFlooding(logger);
            throw new InvalidDataException("Too many hub calls that no hub method takes: the connection is closed.");
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a hub connection flooding with calls no hub method takes (unknown methods, arguments that do not bind, streaming calls)")]
    private static partial void LogFlooding(ILogger logger);
}
