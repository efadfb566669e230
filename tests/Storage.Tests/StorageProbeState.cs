namespace Orleans.Poker.Storage.Tests;

/// <summary>Persistent state of <see cref="StorageProbeGrain"/>.</summary>
[GenerateSerializer, Alias("poker.tests.storage-probe-state.v1")]
public sealed class StorageProbeState
{
    /// <summary>The last note stored.</summary>
    [Id(0)]
    public string? Note { get; set; }

    /// <summary>How many times the state was written.</summary>
    [Id(1)]
    public int Writes { get; set; }
}
