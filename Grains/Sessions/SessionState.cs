using Orleans.Poker.Grains.Interfaces.Sessions;

namespace Orleans.Poker.Grains.Sessions;

/// <summary>Persisted refresh-token session.</summary>
[GenerateSerializer, Alias("poker.session-state.v1")]
public sealed class SessionState
{
    [Id(0)] public SessionInfo? Session { get; set; }

    [Id(1)] public bool Revoked { get; set; }
}
