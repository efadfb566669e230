using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Telemetry;

namespace Orleans.Poker.Grains.Tests.Telemetry;

public sealed class ActionMetricsTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().AddSingleton<GameMetrics>().BuildServiceProvider();
    private readonly GameMetrics metrics;
    private readonly MeterCapture meter;

    public ActionMetricsTests()
    {
        metrics = services.GetRequiredService<GameMetrics>();
        meter = new MeterCapture(metrics.Meter);
    }

    [Fact]
    public async Task An_answered_action_is_timed_as_accepted_and_its_answer_returned()
    {
        var answer = await metrics.MeasureAction(() => Task.FromResult((42, false)));

        Assert.Equal(42, answer);
        Assert.Equal(1, Timed("accepted"));
        Assert.Equal(1, Timed("accepted", handEnd: "false"));
        Assert.Equal(0, meter.Count("poker.table.actions.refused"));
    }

    [Fact]
    public async Task An_action_that_ended_its_hand_is_timed_apart()
    {
        await metrics.MeasureAction(() => Task.FromResult((1, true)));
        await metrics.MeasureAction(() => Task.FromResult((2, false)));

        Assert.Equal(1, Timed("accepted", handEnd: "true"));
        Assert.Equal(1, Timed("accepted", handEnd: "false"));
    }

    [Fact]
    public async Task A_refused_action_is_counted_by_its_code_timed_as_refused_and_rethrown()
    {
        var refusal = await Assert.ThrowsAsync<PokerException>(() =>
            metrics.MeasureAction<int>(() => throw new PokerException("not_your_turn", "It is not your turn")));

        Assert.Equal("not_your_turn", refusal.Code);
        Assert.Equal(1, meter.Sum("poker.table.actions.refused", "reason", "not_your_turn"));
        Assert.Equal(1, Timed("refused"));
        Assert.Equal(1, Timed("refused", handEnd: "false")); // only an answered action can have ended its hand
        Assert.Equal(0, Timed("accepted"));
    }

    [Fact]
    public async Task An_action_that_fails_otherwise_is_timed_as_failed_and_not_counted_as_refused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            metrics.MeasureAction<int>(() => Task.FromException<(int, bool)>(new InvalidOperationException("storage down"))));

        Assert.Equal(1, Timed("failed"));
        Assert.Equal(0, meter.Count("poker.table.actions.refused"));
    }

    public void Dispose()
    {
        meter.Dispose();
        services.Dispose();
    }

    private int Timed(string outcome, string? handEnd = null) =>
        meter.Tags("poker.table.action.duration").Count(tags =>
            tags.Any(t => t.Key == "outcome" && Equals(t.Value, outcome)) && (handEnd is null || tags.Any(t => t.Key == "hand_end" && Equals(t.Value, handEnd))));
}
