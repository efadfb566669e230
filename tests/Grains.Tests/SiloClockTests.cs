using Microsoft.Extensions.DependencyInjection;
using Orleans.Reminders;
using Orleans.Runtime;

namespace Orleans.Poker.Grains.Tests;

/// <summary>The test silo's clocks (<see cref="TestSilo.AddTestGrains"/>): the grains' is the fake one, Orleans' own infrastructure runs on real time.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloClockTests(ClusterFixture fixture)
{
    [Fact]
    public void Grains_grain_timers_and_reminders_read_the_fake_clock_and_membership_and_messaging_real_time()
    {
        var services = fixture.SiloServices;

        Assert.Same(fixture.Time, services.GetRequiredService<TimeProvider>());
        Assert.Same(fixture.Time, services.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Grains));
        Assert.Same(fixture.Time, services.GetRequiredKeyedService<TimeProvider>(ReminderTimeProviderNames.Reminders));
        Assert.All(
            [TimeProviderNames.Membership, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory],
            key => Assert.Same(TimeProvider.System, services.GetRequiredKeyedService<TimeProvider>(key)));
    }
}
