using Orleans.Runtime;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// The table's single grain timer, armed for the earliest thing due (what is due is decided by
/// <see cref="Model.TableClock"/>). It fires once, runs the table's tick without interleaving with its calls, and is armed
/// again for whatever is due next.
/// </summary>
/// <param name="grain">The table grain the timer belongs to (it keeps the grain active while armed).</param>
/// <param name="time">The clock the due times are on.</param>
/// <param name="next">The earliest moment something is due; null when nothing is.</param>
/// <param name="tick">Does everything that is due.</param>
public sealed class TableTimer(IGrainBase grain, TimeProvider time, Func<DateTimeOffset?> next, Func<Task> tick)
{
    private IGrainTimer? timer;
    private DateTimeOffset timerDue;

    /// <summary>Arms the timer for the earliest thing due; one already due no later is kept.</summary>
    public void Arm()
    {
        if (next() is not { } due)
        {
            Stop();
            return;
        }

        // When it fires early, the tick finds nothing due and the timer is armed again. Most actions only push the turn
        // clock further away, so they leave the timer as it is.
        if (timer is not null && timerDue <= due)
        {
            return;
        }

        timer?.Dispose();
        var delay = due - time.GetUtcNow();
        timerDue = due;
        timer = grain.RegisterGrainTimer(
            static (self, _) => self.Fire(),
            this,
            new GrainTimerCreationOptions
            {
                DueTime = delay < TimeSpan.Zero ? TimeSpan.Zero : delay,
                Period = Timeout.InfiniteTimeSpan,
                Interleave = false,
                KeepAlive = true,
            });
    }

    private async Task Fire()
    {
        Stop();
        try
        {
            await tick();
        }
        finally
        {
            Arm();
        }
    }

    private void Stop()
    {
        timer?.Dispose();
        timer = null;
    }
}
