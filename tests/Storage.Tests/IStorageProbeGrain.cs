namespace Orleans.Poker.Storage.Tests;

/// <summary>A grain that keeps a note in persistent state and a reminder, to prove the SQL of the providers.</summary>
[Alias("poker.tests.storage-probe")]
public interface IStorageProbeGrain : IGrainWithStringKey
{
    /// <summary>Stores the note (one more write) and registers the reminder.</summary>
    [Alias("remember")]
    Task Remember(string note);

    /// <summary>Returns the stored state and the reminder as this activation sees them.</summary>
    [Alias("read")]
    Task<StorageProbeSnapshot> Read();

    /// <summary>Unregisters the reminder and clears the state.</summary>
    [Alias("forget")]
    Task Forget();
}
