namespace Orleans.Poker.TestSupport;

/// <summary>How <see cref="LoopbackProxy"/> fails a statement.</summary>
public enum FaultKind
{
    /// <summary>The connection is reset before the statement reaches the server: the statement fails.</summary>
    Cut,

    /// <summary>The statement never reaches the server and its sender waits: the process can be killed right there.</summary>
    Hold,
}
