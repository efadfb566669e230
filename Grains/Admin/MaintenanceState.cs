using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Grains.Admin;

/// <summary>The persisted maintenance switch of <see cref="MaintenanceGrain"/>.</summary>
[GenerateSerializer, Alias("poker.maintenance-state.v1")]
public sealed class MaintenanceState
{
    [Id(0)] public MaintenanceStatus Status { get; set; } = new(false);
}
