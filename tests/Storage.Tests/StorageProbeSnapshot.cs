namespace Orleans.Poker.Storage.Tests;

/// <summary>What a probe grain holds: its state and its reminders.</summary>
[GenerateSerializer, Immutable, Alias("poker.tests.storage-probe-snapshot.v1")]
public sealed record StorageProbeSnapshot(
    [property: Id(0)] string? Note,
    [property: Id(1)] int Writes,
    [property: Id(2)] bool RecordExists,
    [property: Id(3)] string? Reminder,
    [property: Id(4)] int ReminderCount);
