namespace Orleans.Poker.Grains.Interfaces.Operations;

/// <summary>
/// The room's recent operations figures (key <see cref="Key"/>): every silo, gateway and bot process sends a sample of
/// its own instruments every few seconds, and the grain keeps the last hour of each process in memory for the admin
/// operations page. Nothing is persisted: a restart of the silo holding it starts an empty hour.
/// </summary>
[Alias("poker.operations")]
public interface IOperationsGrain : IGrainWithStringKey
{
    public const string Key = "room";

    /// <summary>Adds a sample of <paramref name="process"/> (samples older than the window are dropped).</summary>
    [Alias("Record")]
    Task Record(OperationsProcess process, OperationsSample sample);

    /// <summary>The processes seen within the window and their samples.</summary>
    [Alias("Report")]
    Task<OperationsReport> Report();
}
